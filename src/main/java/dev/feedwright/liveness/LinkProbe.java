package dev.feedwright.liveness;

import dev.feedwright.config.LivenessConfig;
import dev.feedwright.liveness.Outcome.Kind;
import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The check of one link as a sequence of requests, without doing any I/O itself: HEAD first, GET
 * when HEAD is refused, redirects followed hop by hop (each hop's host gets its own per-host
 * limit and its own address check), retries with exponential backoff or the server's
 * {@code Retry-After}. The caller sends {@link #request()}, hands the answer to
 * {@link #advance}, and goes on until a {@link Step.Done}. Not thread-safe; one step at a time.
 */
final class LinkProbe {

    /** What to do next. */
    sealed interface Step {
        /**
         * Send {@link #request()} to {@code host} after {@code delayNanos}, or, with
         * {@code pauseHost}, when the host's pause ({@link LinkProbe#hostPause}) is over.
         */
        record Send(String host, long delayNanos, boolean pauseHost) implements Step {
        }

        /** The check is over. */
        record Done(Outcome outcome) implements Step {
        }
    }

    /**
     * The longest redirect target followed, in characters. Every address of a chain is kept until
     * the check ends (to see loops), and a hostile server can send a {@code Location} of almost
     * OkHttp's 256 KiB header limit at every hop: without a bound, a run's window of checks could
     * fill the heap. Servers commonly refuse request lines over 8 KiB anyway.
     */
    static final int MAX_LOCATION_CHARS = 8192;

    /** A URI's scheme and its colon, at the start of a reference (RFC 3986, section 3.1). */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

    private final LivenessConfig config;
    private final AddressGuard guard;
    private final Clock clock;
    private final String userAgent;
    private final LinkRow previous;
    private final Set<String> visited = new HashSet<>();

    private HttpUrl current;
    private boolean get;
    private int attempt;
    private int hops;
    private boolean permanentSoFar = true;
    private HttpUrl movedTo;
    private boolean conditional;

    LinkProbe(LivenessConfig config, AddressGuard guard, Clock clock, String userAgent, LinkRow previous) {
        this.config = config;
        this.guard = guard;
        this.clock = clock;
        this.userAgent = userAgent;
        this.previous = previous;
        this.get = !config.headFirst();
    }

    /** The first step: a request, or at once an outcome when the link must not be requested. */
    Step start() {
        HttpUrl url = HttpUrl.parse(previous.url());
        if (url == null) {
            return done(Kind.REFUSED, 0, "not an http(s) address");
        }
        visited.add(url.toString());
        return goTo(url);
    }

    /**
     * Whether the current request is this link's first try at its current address (not a retry):
     * the per-host cut-off counts each link once, however often it is retried.
     */
    boolean firstTry() {
        return attempt == 0;
    }

    /**
     * Whether a failed request says its host did not answer at all: a timeout (connect, read or
     * whole call), a refused, reset or dropped connection, no route. These are the failures
     * {@link #advance} treats as the network's; a refused address, a name that does not resolve,
     * a TLS error or a non-HTTP answer say nothing of whether the host is there.
     */
    static boolean isSilence(IOException failure) {
        Failure kind = Failure.of(failure);
        return kind == Failure.CANNOT_CONNECT || kind == Failure.NO_ANSWER;
    }

    /** How the JDK words a resolver that did not answer (getaddrinfo's EAI_AGAIN, glibc's message). */
    static final String TEMPORARY_DNS_FAILURE = "Temporary failure in name resolution";

    /** At most this much of an exception's message is kept as a link's detail: the server chooses it. */
    private static final int MAX_DETAIL = 300;

    /** What a failed request says, read from its exception: the one place these rules live. */
    private enum Failure {
        REFUSED, NO_HOST, TLS, NOT_HTTP, CANNOT_CONNECT, NO_ANSWER;

        static Failure of(IOException failure) {
            if (failure instanceof RefusedAddressException) {
                return REFUSED;
            }
            if (failure instanceof UnknownHostException) {
                // The system resolver's EAI_AGAIN ("host: Temporary failure in name resolution",
                // as glibc words it): the resolver did not answer, which says nothing of the name.
                String message = failure.getMessage();
                return message != null && message.endsWith(TEMPORARY_DNS_FAILURE) ? NO_ANSWER : NO_HOST;
            }
            if (failure instanceof SSLException || failure.getCause() instanceof SSLException) {
                return TLS;
            }
            if (failure instanceof ProtocolException) {
                return NOT_HTTP; // a bad status line, HTTP/0.9, a 407 from a server that is no proxy
            }
            if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
                return CANNOT_CONNECT;
            }
            return NO_ANSWER; // timeouts (connect, read, whole call), reset or dropped connections
        }
    }

    /** Whether the current request reads (some of) the body: only GET does. */
    boolean readsBody() {
        return get;
    }

    /** The request to send now. */
    Request request() {
        Request.Builder builder = new Request.Builder()
                .url(current)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        builder.method(get ? "GET" : "HEAD", null);
        conditional = false;
        if (previous.state() == LinkState.ALIVE && current.toString().equals(previous.validatorUrl())) {
            if (previous.etag() != null) {
                builder.header("If-None-Match", previous.etag());
                conditional = true;
            }
            if (previous.lastModified() != null) {
                builder.header("If-Modified-Since", previous.lastModified());
                conditional = true;
            }
        }
        return builder.build();
    }

    /** Takes the answer to {@link #request()} and says what comes next. */
    Step advance(Exchange exchange) {
        if (exchange.failed()) {
            return failed(exchange.failure());
        }
        int code = exchange.status();
        if (isRedirect(code)) {
            return redirect(code, exchange.location());
        }
        if (code == 304 && conditional) {
            return new Step.Done(new Outcome(Kind.ALIVE, code, "not modified", moved(), previous.etag(),
                    previous.lastModified(), previous.validatorUrl(), true, false));
        }
        if (code >= 200 && code < 300) {
            String etag = sendable(exchange.etag());
            String lastModified = sendable(exchange.lastModified());
            boolean validators = etag != null || lastModified != null;
            return new Step.Done(new Outcome(Kind.ALIVE, code, "HTTP " + code, moved(), etag, lastModified,
                    validators ? current.toString() : null, false, false));
        }
        Duration asked = code == 429 || code >= 500 ? RetryAfter.parse(exchange.retryAfter(), clock.instant()) : null;
        if (asked != null && asked.compareTo(config.retryAfterCap()) > 0) {
            // Not retried, not even with GET after a HEAD: the host is left alone (hostPause).
            return done(Kind.UNKNOWN, code, "HTTP " + code + ", Retry-After " + asked.toSeconds()
                    + " s is longer than liveness.retryAfterCap");
        }
        if (!get && code >= 400 && code != 429) {
            // Many servers answer HEAD wrongly (405, 403, 404, 501...): ask again with GET.
            get = true;
            attempt = 0;
            return send(0, false);
        }
        if (code == 404 || code == 410) {
            return done(Kind.DEAD, code, "HTTP " + code);
        }
        if (code == 429 || code >= 500) {
            return retry(code, "HTTP " + code, false, asked);
        }
        return done(Kind.UNKNOWN, code, "HTTP " + code);
    }

    private Step failed(IOException failure) {
        return switch (Failure.of(failure)) {
            case REFUSED -> done(Kind.REFUSED, 0, failure.getMessage());
            case NO_HOST -> done(Kind.NO_HOST, 0, "host name does not resolve: " + current.host());
            case TLS -> done(Kind.UNKNOWN, 0, "TLS error: " + describe(failure));
            // The server answered, but not in HTTP: worth another try, but its fault, not the network's.
            case NOT_HTTP -> retry(0, describe(failure), false, null);
            case CANNOT_CONNECT -> new Step.Done(Outcome.network("cannot connect: " + describe(failure)));
            // Worth another try; the network's, if it lasts.
            case NO_ANSWER -> retry(0, describe(failure), true, null);
        };
    }

    /**
     * How long the whole host asked to be left alone: the {@code Retry-After} of a 429 or a server
     * error, at most {@code liveness.retryAfterCap} (a host that asks for longer is left alone that
     * long, its link not retried); else null. The host waits whatever this link does next: tries
     * again, gives up on its last try, or asks again with GET after a HEAD.
     */
    Duration hostPause(Exchange exchange) {
        if (exchange.status() != 429 && exchange.status() < 500) {
            return null;
        }
        Duration asked = RetryAfter.parse(exchange.retryAfter(), clock.instant());
        return asked == null ? null : asked.compareTo(config.retryAfterCap()) <= 0 ? asked : config.retryAfterCap();
    }

    /**
     * @param asked the wait the server's {@code Retry-After} asked for, or null; no longer than the
     *              cap (a longer one ended the check in {@link #advance})
     */
    private Step retry(int code, String detail, boolean network, Duration asked) {
        if (attempt >= config.retries()) {
            return network ? new Step.Done(Outcome.network(detail)) : done(Kind.UNKNOWN, code, detail);
        }
        long delay = asked != null ? asked.toNanos() : config.retryBackoff().toNanos() << Math.min(attempt, 20);
        attempt++;
        return send(delay, asked != null);
    }

    private Step redirect(int code, String location) {
        if (location == null || location.isBlank()) {
            return done(Kind.UNKNOWN, code, "HTTP " + code + " without a Location");
        }
        HttpUrl next = current.resolve(location.strip());
        if (next == null) {
            return isOtherScheme(location)
                    ? done(Kind.REFUSED, code, "redirect to a non-http(s) address")
                    : done(Kind.UNKNOWN, code, "HTTP " + code + " to an unusable Location");
        }
        if (next.toString().length() > MAX_LOCATION_CHARS) {
            return done(Kind.UNKNOWN, code, "HTTP " + code + " to an address longer than " + MAX_LOCATION_CHARS
                    + " characters");
        }
        if (++hops > config.maxRedirects()) {
            return done(Kind.UNKNOWN, code, "more than " + config.maxRedirects() + " redirects");
        }
        if (!visited.add(next.toString())) {
            return done(Kind.UNKNOWN, code, "redirect loop");
        }
        if (permanentSoFar && (code == 301 || code == 308)) {
            movedTo = next;
        } else {
            permanentSoFar = false;
        }
        attempt = 0;
        return goTo(next);
    }

    private Step goTo(HttpUrl url) {
        current = url;
        if (AddressGuard.isIpLiteral(url.host())) {
            // OkHttp connects to an IP literal without asking the guarded resolver: check it here.
            InetAddress literal = AddressGuard.literal(url.host());
            if (literal == null) {
                return done(Kind.REFUSED, 0, "not a valid IP address: " + url.host());
            }
            if (!guard.allows(literal)) {
                String dotted = literal.getHostAddress();
                boolean shortForm = url.host().indexOf(':') < 0 && !url.host().equals(dotted);
                return done(Kind.REFUSED, 0,
                        "non-public address " + url.host() + (shortForm ? " (" + dotted + ")" : ""));
            }
        }
        return send(0, false);
    }

    private Step send(long delayNanos, boolean pauseHost) {
        return new Step.Send(current.host(), delayNanos, pauseHost);
    }

    private Step done(Kind kind, int status, String detail) {
        return new Step.Done(Outcome.of(kind, status, detail));
    }

    private String moved() {
        return movedTo == null ? null : movedTo.toString();
    }

    /**
     * A validator that can go back in a request header (printable ASCII, not too long), or null:
     * servers may send bytes a request header must not carry.
     */
    static String sendable(String value) {
        if (value == null || value.isEmpty() || value.length() > 1024) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        return value;
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /**
     * Whether {@code location} names a scheme other than http(s), read as RFC 3986 (and OkHttp)
     * read one: letters, digits, {@code + - .} from a letter up to the first colon. Not with
     * {@link java.net.URI}, which rejects the whole address for a space or a brace in its path,
     * and would make {@code ftp://host/my story.txt} an unusable address instead of another scheme.
     */
    private static boolean isOtherScheme(String location) {
        Matcher scheme = SCHEME.matcher(location.strip());
        return scheme.lookingAt() && !scheme.group(1).toLowerCase(Locale.ROOT).matches("https?");
    }

    /**
     * The failure as a link's detail, cut to {@link #MAX_DETAIL} characters: OkHttp's message for
     * a bad status line holds the whole line, which a hostile server can make 256 KiB long.
     */
    private static String describe(IOException failure) {
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        String detail = message == null || message.isBlank() ? name : name + ": " + message;
        if (detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int end = Character.isHighSurrogate(detail.charAt(MAX_DETAIL - 2)) ? MAX_DETAIL - 2 : MAX_DETAIL - 1;
        return detail.substring(0, end) + "…";
    }
}
