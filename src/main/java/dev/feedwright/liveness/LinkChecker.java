package dev.feedwright.liveness;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.LivenessConfig;
import dev.feedwright.state.LinkStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Checks the corpus's links over HTTP with OkHttp: the entry point of the liveness package. One
 * checker holds one HTTP client (connection pool, address guard); {@link #check} runs one pass
 * over the links due in a store.
 */
public final class LinkChecker implements AutoCloseable {

    private final LivenessConfig config;
    private final Clock clock;
    private final AddressGuard guard;
    private final GuardedDns dns;
    private final HttpTransport transport;
    private final Scheduler scheduler;
    private final String userAgent;
    private boolean ownsScheduler;

    /** A checker on the real network, resolving names with the system resolver. */
    public static LinkChecker create(LivenessConfig config, BuildInfo build, Clock clock) {
        LinkChecker checker = new LinkChecker(config, build, clock, Dns.SYSTEM, Scheduler.system());
        checker.ownsScheduler = true;
        return checker;
    }

    /** A checker with its own resolver and scheduler, which the caller closes: for tests and benchmarks. */
    LinkChecker(LivenessConfig config, BuildInfo build, Clock clock, Dns resolver, Scheduler scheduler) {
        this(config, build, clock, resolver, scheduler, new AddressGuard(config.allowPrivateAddresses()));
    }

    LinkChecker(LivenessConfig config, BuildInfo build, Clock clock, Dns resolver, Scheduler scheduler,
            AddressGuard guard) {
        this.config = config;
        this.clock = clock;
        this.guard = guard;
        this.dns = new GuardedDns(resolver, guard);
        this.transport = new HttpTransport(config, dns);
        this.scheduler = scheduler;
        this.userAgent = userAgent(config, build);
    }

    /**
     * Checks every link that corpus pass {@code stamp} recorded in {@code store} and that is due,
     * writing what it finds back to the store.
     *
     * @throws IOException when the store fails; network trouble is never an exception, only a finding
     */
    public LinkCheckReport check(LinkStore store, long stamp, Progress progress) throws IOException {
        return new LinkCheckRun(config, store, transport, dns, guard, scheduler, clock, userAgent, progress).run(stamp);
    }

    /** {@code Feedwright/0.1.0 (+https://…)}: who is asking, and where to read about it. */
    public static String userAgent(LivenessConfig config, BuildInfo build) {
        URI contact = config.contactUrl() != null ? config.contactUrl() : URI.create(build.url());
        return build.name() + "/" + build.version() + " (+" + contact.toASCIIString() + ")";
    }

    /** The host of a link, lower case, as per-host limits and the report group links; empty when there is none. */
    public static String hostOf(String link) {
        HttpUrl url = HttpUrl.parse(link);
        return url == null ? "" : url.host().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        transport.close();
        if (ownsScheduler) {
            scheduler.close();
        }
    }
}
