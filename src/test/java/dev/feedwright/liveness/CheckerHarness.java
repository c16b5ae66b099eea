package dev.feedwright.liveness;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.LivenessConfig;
import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.LinkStore.SeenLink;
import dev.feedwright.state.StateDb;
import dev.feedwright.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A link store in a temporary folder, a checker that resolves names with {@link FakeDns} and
 * waits with a {@link RecordingScheduler}, and a clock the test moves: everything a checker test
 * needs, reaching nothing but loopback.
 */
final class CheckerHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final FakeDns dns = new FakeDns();
    final StateDb db;
    final LinkStore store;
    Scheduler scheduler = new RecordingScheduler();
    AddressGuard guard;
    LivenessConfig config;

    CheckerHarness(Path dir, LivenessConfig config) throws IOException {
        this.db = StateDb.open(dir);
        this.store = new LinkStore(db);
        this.config = config;
        this.guard = new AddressGuard(config.allowPrivateAddresses());
    }

    /** Fast settings for loopback tests: private addresses allowed, short timeouts and waits. */
    static LivenessConfig.Builder fast() {
        return LivenessConfig.builder()
                .allowPrivateAddresses(true)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(4))
                .retries(2)
                .retryBackoff(Duration.ofMillis(100))
                .concurrency(8)
                .perHost(4)
                .hostInterval(Duration.ZERO);
    }

    /** Records {@code urls} as this run's corpus and checks the due ones. */
    LinkCheckReport check(String... urls) throws IOException {
        return checkSeen(seen(urls));
    }

    /** Records {@code urls} as this run's corpus; returns the run's stamp for {@link #checkSeen}. */
    long seen(String... urls) throws IOException {
        long stamp = clock.millis();
        List<SeenLink> seen = new ArrayList<>();
        for (String url : urls) {
            seen.add(new SeenLink(url, LinkChecker.hostOf(url)));
        }
        store.markSeen(seen, stamp);
        return stamp;
    }

    /** Checks the due links of the corpus recorded at {@code stamp}. */
    LinkCheckReport checkSeen(long stamp) throws IOException {
        return checkSeen(stamp, Progress.none());
    }

    /** The same, showing its progress to {@code progress}. */
    LinkCheckReport checkSeen(long stamp, Progress progress) throws IOException {
        try (LinkChecker checker = new LinkChecker(config, BuildInfo.load(), clock, dns, scheduler, guard)) {
            return checker.check(store, stamp, progress);
        }
    }

    LinkRow row(String url) throws StateStoreException {
        return store.find(url);
    }

    RecordingScheduler recorder() {
        return (RecordingScheduler) scheduler;
    }

    @Override
    public void close() {
        db.close();
        scheduler.close();
    }
}
