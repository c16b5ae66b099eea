package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.LinkStore.SeenLink;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global and per-host limits, as the server sees them: never more requests at once than allowed. */
class ConcurrencyTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private final Counting counting = new Counting(Duration.ofMillis(60));
    private CheckerHarness harness;

    /** Answers 200 after a delay, counting the requests in progress, overall and per Host header. */
    private static final class Counting extends Dispatcher {
        private final long delayMillis;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> maxPerHost = new ConcurrentHashMap<>();
        final List<Long> startNanos = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<Long>> startsByHost = new ConcurrentHashMap<>();

        Counting(Duration delay) {
            this.delayMillis = delay.toMillis();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            startNanos.add(System.nanoTime());
            String host = request.getHeaders().get("Host").replaceAll(":\\d+$", "");
            startsByHost.computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>())).add(startNanos.get(
                    startNanos.size() - 1));
            int all = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(all, Math::max);
            int mine = perHost.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            maxPerHost.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(mine, Math::max);
            try {
                Thread.sleep(delayMillis);
            } finally {
                perHost.get(host).decrementAndGet();
                inFlight.decrementAndGet();
            }
            return new MockResponse.Builder().code(200).build();
        }
    }

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(counting);
        server.start();
        harness = new CheckerHarness(temp, CheckerHarness.fast().build());
        harness.scheduler = Scheduler.system();
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private String[] links(int count, String... hosts) {
        String[] links = new String[count];
        for (int i = 0; i < count; i++) {
            links[i] = ServerSupport.url(server, hosts[i % hosts.length], "/article-" + i);
        }
        return links;
    }

    @Test
    void anErrorOnAWorkerEndsTheRunInsteadOfHangingIt() throws Exception {
        Dns failing = hostname -> {
            throw new OutOfMemoryError("simulated");
        };
        long stamp = harness.clock.millis();
        List<SeenLink> links = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            links.add(new SeenLink("http://crash.test:" + server.getPort() + "/" + i, "crash.test"));
        }
        harness.store.markSeen(links, stamp);

        try (LinkChecker checker = new LinkChecker(harness.config, BuildInfo.load(), harness.clock, failing,
                harness.scheduler, harness.guard)) {
            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> checker.check(harness.store, stamp, Progress.none())))
                    .isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
        }
    }

    @Test
    void neverSendsMoreThanPerHostRequestsToOneHostAtOnce() throws Exception {
        harness.config = CheckerHarness.fast().concurrency(16).perHost(3).build();

        LinkCheckReport report = harness.check(links(36, "busy.test", "other.test"));

        assertThat(report.alive()).isEqualTo(36);
        assertThat(counting.maxPerHost.get("busy.test").get()).isEqualTo(3);
        assertThat(counting.maxPerHost.get("other.test").get()).isEqualTo(3);
        // Both hosts were served side by side: the per-host limit is not a global one.
        assertThat(counting.maxInFlight.get()).isGreaterThan(3).isLessThanOrEqualTo(6);
    }

    @Test
    void neverSendsMoreThanTheGlobalLimitAtOnce() throws Exception {
        String[] hosts = new String[12];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = "host" + i + ".test";
        }
        harness.config = CheckerHarness.fast().concurrency(5).perHost(4).build();

        LinkCheckReport report = harness.check(links(48, hosts));

        assertThat(report.alive()).isEqualTo(48);
        assertThat(counting.maxInFlight.get()).isEqualTo(5);
    }

    @Test
    void spacesRequestsToOneHostByTheHostInterval() throws Exception {
        harness.config = CheckerHarness.fast().concurrency(8).perHost(8).hostInterval(Duration.ofMillis(80)).build();

        harness.check(links(5, "polite.test"));

        List<Long> starts = new ArrayList<>(counting.startNanos);
        Collections.sort(starts);
        assertThat(starts).hasSize(5);
        // Four intervals of 80 ms between five starts (320 ms; less jitter in when each request reached the server);
        // without the interval all five would arrive together. Only the span is asserted: how many requests
        // overlap at the server depends on how fast a loaded machine answers each (3 at once was seen).
        assertThat(Duration.ofNanos(starts.get(4) - starts.get(0))).isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void spacesRequestsToOneHostThatReachedABusyWorkerTogether() throws Exception {
        // One worker, busy with five requests to other hosts (60 ms each) while both of polite.test's
        // turns (200 ms apart) come: both wait in the workers' queue and reach the worker one after the
        // other. The links are named so that the store hands out the five first.
        harness.config = CheckerHarness.fast().concurrency(1).perHost(2).hostInterval(Duration.ofMillis(200)).build();
        String[] hosts = {"busy0.test", "busy1.test", "busy2.test", "busy3.test", "busy4.test", "polite.test", "polite.test"};
        String[] links = new String[hosts.length];
        for (int attempt = 0; links[0] == null || !busyFirst(links); attempt++) {
            for (int i = 0; i < hosts.length; i++) {
                links[i] = ServerSupport.url(server, hosts[i], "/article-" + attempt + "-" + i);
            }
        }

        harness.check(links);

        List<Long> polite = new ArrayList<>(counting.startsByHost.get("polite.test"));
        assertThat(polite).hasSize(2);
        // 200 ms apart as they leave (less what a first request's connection costs it at the server);
        // without a check as a request really starts, the second followed the first's answer (64 ms).
        assertThat(Duration.ofNanos(polite.get(1) - polite.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    /** Whether the store hands out the first five links before the last two (it orders due links by this hash). */
    private static boolean busyFirst(String[] links) throws ReflectiveOperationException {
        Method shuffle = LinkStore.class.getDeclaredMethod("shuffle", String.class);
        shuffle.setAccessible(true);
        long lastBusy = Long.MIN_VALUE;
        long firstPolite = Long.MAX_VALUE;
        for (int i = 0; i < links.length; i++) {
            long order = (long) shuffle.invoke(null, links[i]);
            if (i < 5) {
                lastBusy = Math.max(lastBusy, order);
            } else {
                firstPolite = Math.min(firstPolite, order);
            }
        }
        return lastBusy < firstPolite;
    }
}
