package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkState;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that sends {@code Retry-After} is left alone for that long (README, Link checks), by
 * every check waiting for it, on a link's last try too, and before the GET that follows a HEAD's
 * 503. Real waits of one second: the gap between the host's first two requests is measured.
 * Regression: the host's place went to the next request before the pause was set, and a last
 * try or a HEAD's 503 set none.
 */
class RetryAfterPauseTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
        // Each path: 429 with Retry-After: 1 the first time, 200 afterwards.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                int n = seen.computeIfAbsent(request.getUrl().encodedPath(), p -> new AtomicInteger())
                        .getAndIncrement();
                return n == 0 ? new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build()
                        : new MockResponse.Builder().code(200).build();
            }
        });
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private Duration gapAfterFirst429(int retries) throws IOException {
        harness = new CheckerHarness(temp, CheckerHarness.fast().retries(retries).concurrency(4).perHost(1)
                .retryAfterCap(Duration.ofSeconds(60)).build());
        harness.scheduler = Scheduler.system(); // real waits
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            links.add(ServerSupport.url(server, "busy.test", "/" + i));
        }
        harness.check(links.toArray(String[]::new));
        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        return Duration.ofNanos(sorted.get(1) - sorted.get(0));
    }

    @Test
    void theRequestQueuedBehindA429WaitsForItsRetryAfter() throws Exception {
        assertThat(gapAfterFirst429(1)).as("time between the 429 and the next request to the same host")
                .isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void aRetryAfterOnTheLastTryStillPausesTheHost() throws Exception {
        assertThat(gapAfterFirst429(0)).as("time between the 429 and the next request to the same host")
                .isGreaterThan(Duration.ofMillis(800));
    }

    /**
     * Found by a helper's hunt: a host that asked for longer than the cap was asked again at once,
     * the link that asked with GET after its HEAD, the host's other links without any pause:
     * the longer it asked to be left alone, the sooner it was asked again.
     */
    @Test
    void aHostAskingForLongerThanTheCapIsLeftAloneForTheCapAndItsLinkNotAskedAgain() throws Exception {
        long[] refused = new long[1];
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long now = System.nanoTime();
                arrivals.add(now);
                int n = seen.computeIfAbsent(request.getUrl().encodedPath(), p -> new AtomicInteger())
                        .getAndIncrement();
                if (n == 0 && refused[0] == 0) {
                    // The first request of the run, whichever link it is, is told to come back in an hour.
                    refused[0] = now;
                    return new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build();
                }
                return new MockResponse.Builder().code(200).build();
            }
        });
        harness = new CheckerHarness(temp, CheckerHarness.fast().retries(2).concurrency(4).perHost(1)
                .retryAfterCap(Duration.ofSeconds(1)).build());
        harness.scheduler = Scheduler.system(); // real waits
        String first = ServerSupport.url(server, "busy.test", "/0");

        String second = ServerSupport.url(server, "busy.test", "/1");
        harness.check(first, second);

        // The link that was refused is not asked again; the other waits the cap.
        assertThat(seen.values()).extracting(AtomicInteger::get).containsExactlyInAnyOrder(1, 1);
        assertThat(List.of(harness.row(first).state(), harness.row(second).state()))
                .containsExactlyInAnyOrder(LinkState.UNKNOWN, LinkState.ALIVE);
        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(2).first().isEqualTo(refused[0]);
        assertThat(Duration.ofNanos(sorted.get(1) - refused[0])).as("time between the 503 and the next request")
                .isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void aRetryAfterOnA503ToHeadIsHonouredBeforeTheGet() throws Exception {
        // Only the HEAD gets 503 and Retry-After: 1; after a 5xx to HEAD the check asks with GET.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                return request.getMethod().equals("HEAD")
                        ? new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build()
                        : new MockResponse.Builder().code(200).build();
            }
        });
        harness = new CheckerHarness(temp, CheckerHarness.fast().retries(2).retryAfterCap(Duration.ofSeconds(60))
                .build());
        harness.scheduler = Scheduler.system();

        harness.check(ServerSupport.url(server, "busy.test", "/x"));

        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        assertThat(Duration.ofNanos(sorted.get(1) - sorted.get(0))).as("time between the HEAD answered 503 and the GET")
                .isGreaterThan(Duration.ofMillis(800));
    }
}
