package dev.feedwright.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the optional link-liveness pass checks the corpus's links over HTTP. Every setting has a
 * default close to what mature link checkers settled on; see the README's table.
 *
 * @param enabled               check links before every export (also {@code export --check-links})
 * @param connectTimeout        time to open a connection
 * @param readTimeout           longest silence while reading a response
 * @param callTimeout           time for one whole request, connection and reading included
 * @param retries               further tries after a timeout, a reset, 429 or 5xx
 * @param retryBackoff          the wait before the first retry; each further retry waits twice as long
 * @param retryAfterCap         the longest {@code Retry-After} honoured; a server asking for more is not retried
 * @param concurrency           requests in flight at once, over all hosts
 * @param perHost               requests in flight at once to one host
 * @param hostInterval          the least time between the starts of two requests to one host
 * @param maxRedirects          redirects followed per link
 * @param headFirst             ask with HEAD first (then GET when HEAD is refused); false asks with GET only
 * @param maxBodyBytes          body bytes read from a GET answer, at most
 * @param confirmAfter          a link leaves the feeds only when two DEAD checks lie at least this far apart
 * @param cacheAlive            an ALIVE link is not checked again for this long
 * @param cacheUnknown          an UNKNOWN (or refused) link is not checked again for this long
 * @param cacheDead             a confirmed-dead link is not checked again for this long
 * @param networkDownSample     the first checks of a run that decide whether the network is down
 * @param networkDownPercent    more than this share of them failing for network reasons stops the run
 * @param hostGiveUp            after this many links in a row to one host got no answer (timeouts, refused or
 *                              reset connections), the run requests that host no more; 0 never gives up
 * @param exclude               regular expressions; a link any of them finds is never checked
 * @param allowPrivateAddresses request loopback, private, link-local and multicast addresses (tests only)
 * @param contactUrl            the address in the User-Agent; null means the project's home page
 * @param progressInterval      how often a progress line is logged when no terminal shows a bar
 * @param forgetAfter           a link the corpus has not listed for this long is forgotten, with its state
 */
public record LivenessConfig(
        boolean enabled,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int retries,
        Duration retryBackoff,
        Duration retryAfterCap,
        int concurrency,
        int perHost,
        Duration hostInterval,
        int maxRedirects,
        boolean headFirst,
        int maxBodyBytes,
        Duration confirmAfter,
        Duration cacheAlive,
        Duration cacheUnknown,
        Duration cacheDead,
        int networkDownSample,
        int networkDownPercent,
        int hostGiveUp,
        List<String> exclude,
        boolean allowPrivateAddresses,
        URI contactUrl,
        Duration progressInterval,
        Duration forgetAfter) {

    public LivenessConfig {
        for (Duration d : List.of(connectTimeout, readTimeout, callTimeout, retryBackoff, retryAfterCap, hostInterval,
                confirmAfter, cacheAlive, cacheUnknown, cacheDead, progressInterval, forgetAfter)) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative, was " + d);
            }
        }
        requireAtLeast("retries", retries, 0);
        requireAtLeast("concurrency", concurrency, 1);
        requireAtLeast("perHost", perHost, 1);
        requireAtLeast("maxRedirects", maxRedirects, 0);
        requireAtLeast("maxBodyBytes", maxBodyBytes, 0);
        requireAtLeast("networkDownSample", networkDownSample, 1);
        requireAtLeast("hostGiveUp", hostGiveUp, 0);
        if (networkDownPercent < 0 || networkDownPercent > 100) {
            throw new IllegalArgumentException("networkDownPercent must be between 0 and 100, was " + networkDownPercent);
        }
        exclude = List.copyOf(exclude);
        for (String regex : exclude) {
            compile(regex);
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    /** Compiles one pattern of a setting ({@code liveness.exclude}, {@code feeds.skipImages}). */
    public static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    /** Every setting at its default. */
    public static LivenessConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.retries = retries;
        b.retryBackoff = retryBackoff;
        b.retryAfterCap = retryAfterCap;
        b.concurrency = concurrency;
        b.perHost = perHost;
        b.hostInterval = hostInterval;
        b.maxRedirects = maxRedirects;
        b.headFirst = headFirst;
        b.maxBodyBytes = maxBodyBytes;
        b.confirmAfter = confirmAfter;
        b.cacheAlive = cacheAlive;
        b.cacheUnknown = cacheUnknown;
        b.cacheDead = cacheDead;
        b.networkDownSample = networkDownSample;
        b.networkDownPercent = networkDownPercent;
        b.hostGiveUp = hostGiveUp;
        b.exclude = exclude;
        b.allowPrivateAddresses = allowPrivateAddresses;
        b.contactUrl = contactUrl;
        b.progressInterval = progressInterval;
        b.forgetAfter = forgetAfter;
        return b;
    }

    /** Settings with many optional parts: start from the defaults and change what differs. */
    public static final class Builder {
        private boolean enabled;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(20);
        private int retries = 2;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private Duration retryAfterCap = Duration.ofSeconds(60);
        private int concurrency = 64;
        private int perHost = 4;
        private Duration hostInterval = Duration.ofMillis(100);
        private int maxRedirects = 10;
        private boolean headFirst = true;
        private int maxBodyBytes = 4096;
        private Duration confirmAfter = Duration.ofHours(24);
        private Duration cacheAlive = Duration.ofDays(1);
        private Duration cacheUnknown = Duration.ofHours(6);
        private Duration cacheDead = Duration.ofDays(7);
        private int networkDownSample = 50;
        private int networkDownPercent = 50;
        private int hostGiveUp = 3;
        private List<String> exclude = List.of();
        private boolean allowPrivateAddresses;
        private URI contactUrl;
        private Duration progressInterval = Duration.ofSeconds(10);
        private Duration forgetAfter = Duration.ofDays(30);

        private Builder() {
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder callTimeout(Duration value) {
            callTimeout = value;
            return this;
        }

        public Builder retries(int value) {
            retries = value;
            return this;
        }

        public Builder retryBackoff(Duration value) {
            retryBackoff = value;
            return this;
        }

        public Builder retryAfterCap(Duration value) {
            retryAfterCap = value;
            return this;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        public Builder perHost(int value) {
            perHost = value;
            return this;
        }

        public Builder hostInterval(Duration value) {
            hostInterval = value;
            return this;
        }

        public Builder maxRedirects(int value) {
            maxRedirects = value;
            return this;
        }

        public Builder headFirst(boolean value) {
            headFirst = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder confirmAfter(Duration value) {
            confirmAfter = value;
            return this;
        }

        public Builder cacheAlive(Duration value) {
            cacheAlive = value;
            return this;
        }

        public Builder cacheUnknown(Duration value) {
            cacheUnknown = value;
            return this;
        }

        public Builder cacheDead(Duration value) {
            cacheDead = value;
            return this;
        }

        public Builder networkDownSample(int value) {
            networkDownSample = value;
            return this;
        }

        public Builder networkDownPercent(int value) {
            networkDownPercent = value;
            return this;
        }

        public Builder hostGiveUp(int value) {
            hostGiveUp = value;
            return this;
        }

        public Builder exclude(List<String> value) {
            exclude = value;
            return this;
        }

        public Builder allowPrivateAddresses(boolean value) {
            allowPrivateAddresses = value;
            return this;
        }

        public Builder contactUrl(URI value) {
            contactUrl = value;
            return this;
        }

        public Builder progressInterval(Duration value) {
            progressInterval = value;
            return this;
        }

        public Builder forgetAfter(Duration value) {
            forgetAfter = value;
            return this;
        }

        public LivenessConfig build() {
            return new LivenessConfig(enabled, connectTimeout, readTimeout, callTimeout, retries, retryBackoff,
                    retryAfterCap, concurrency, perHost, hostInterval, maxRedirects, headFirst, maxBodyBytes,
                    confirmAfter, cacheAlive, cacheUnknown, cacheDead, networkDownSample, networkDownPercent, hostGiveUp,
                    exclude, allowPrivateAddresses, contactUrl, progressInterval, forgetAfter);
        }
    }
}
