package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow servers: silence past the read timeout, a call past its total time, a throttled body. */
class TimeoutsTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        harness = new CheckerHarness(temp, CheckerHarness.fast().retries(0).build());
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    /** A timed-out link plus a healthy one, so that one timeout is not "the network is down". */
    private LinkCheckReport checkWithAHealthyNeighbour(String link) throws IOException {
        return harness.check(link, ServerSupport.url(server, "healthy.test", "/ok"));
    }

    @Test
    void silenceLongerThanTheReadTimeoutIsUnknown() throws Exception {
        harness.config = CheckerHarness.fast().retries(0).readTimeout(Duration.ofMillis(200)).build();
        server.setDispatcher(new Routes()
                .on("/slow", new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build())
                .on("/ok", status(200)));
        String link = ServerSupport.url(server, "slow.test", "/slow");
        long started = System.nanoTime();

        LinkCheckReport report = checkWithAHealthyNeighbour(link);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThat(report.networkLooksDown()).isFalse();
        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).containsIgnoringCase("timeout");
    }

    @Test
    void aCallLongerThanTheCallTimeoutIsUnknownBeforeTheReadTimeoutFires() throws Exception {
        // The answer comes after 1 s: within the 2 s read timeout, past the 300 ms call timeout.
        harness.config = CheckerHarness.fast().retries(0).headFirst(false).maxBodyBytes(4096)
                .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofMillis(300)).build();
        server.setDispatcher(new Routes()
                .on("/trickle", new MockResponse.Builder().code(200).body("x".repeat(100))
                        .headersDelay(1, TimeUnit.SECONDS).build())
                .on("/ok", status(200)));
        String link = ServerSupport.url(server, "trickle.test", "/trickle");
        long started = System.nanoTime();

        checkWithAHealthyNeighbour(link);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).containsIgnoringCase("timeout");
    }

    @Test
    void aThrottledBodyDoesNotHoldTheCheckOnceTheStatusArrived() throws Exception {
        harness.config = CheckerHarness.fast().retries(0).headFirst(false)
                .readTimeout(Duration.ofMillis(200)).callTimeout(Duration.ofSeconds(5)).build();
        server.setDispatcher(new Routes()
                .on("/big", new MockResponse.Builder().code(200).body("y".repeat(10_000))
                        .throttleBody(1, 1, TimeUnit.SECONDS).build())
                .on("/ok", status(200)));
        String link = ServerSupport.url(server, "big.test", "/big");
        long started = System.nanoTime();

        checkWithAHealthyNeighbour(link);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.row(link).status()).isEqualTo(200);
    }

    @Test
    void aGetReadsNoMoreOfTheBodyThanMaxBodyBytes() throws Exception {
        // 4,096 bytes at once, then 4,096 more each second: reading 4,096 bytes needs no wait,
        // reading 12,288 needs two.
        server.setDispatcher(new Routes()
                .on("/long", new MockResponse.Builder().code(200).body("z".repeat(64 * 1024))
                        .throttleBody(4096, 1, TimeUnit.SECONDS).build())
                .on("/ok", status(200)));
        String link = ServerSupport.url(server, "long.test", "/long");

        Duration few = timeOfACheckReading(link, 4096);
        Duration more = timeOfACheckReading(link, 3 * 4096);

        assertThat(few).isLessThan(Duration.ofMillis(900));
        assertThat(more).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    /** The time a GET-only check of {@code link} takes, reading at most {@code bodyBytes}; it must find it alive. */
    private Duration timeOfACheckReading(String link, int bodyBytes) throws IOException {
        harness.close();
        harness = new CheckerHarness(temp.resolve("state-" + bodyBytes), CheckerHarness.fast().retries(0)
                .headFirst(false).maxBodyBytes(bodyBytes).readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10)).build());
        long started = System.nanoTime();
        harness.check(link);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        return took;
    }

    @Test
    void retriesATimeoutAndSucceeds() throws Exception {
        harness.config = CheckerHarness.fast().retries(1).readTimeout(Duration.ofMillis(200)).build();
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(status(200));
        String link = ServerSupport.url(server, "news.test", "/sometimes-slow");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.recorder().delays()).containsExactly(Duration.ofMillis(100));
    }
}
