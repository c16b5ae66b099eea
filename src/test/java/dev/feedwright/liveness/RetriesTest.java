package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.requests;
import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries with exponential backoff, {@code Retry-After} up to its cap, and HEAD falling back to
 * GET. The {@link RecordingScheduler} records each wait instead of sitting through it.
 */
class RetriesTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        harness = new CheckerHarness(temp, CheckerHarness.fast()
                .retryBackoff(Duration.ofMillis(500))
                .retryAfterCap(Duration.ofSeconds(60))
                .build());
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private String link(String path) {
        return ServerSupport.url(server, "news.test", path);
    }

    private static MockResponse retryAfter(int code, String value) {
        return new MockResponse.Builder().code(code).setHeader("Retry-After", value).build();
    }

    @Test
    void fallsBackToGetWhenHeadIsNotAllowed() throws Exception {
        server.enqueue(status(405));
        server.enqueue(new MockResponse.Builder().code(200).body("<html>hello</html>").build());
        String link = link("/no-head");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(requests(server)).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "GET");
    }

    @Test
    void asksWithGetOnlyWhenHeadFirstIsOff() throws Exception {
        harness.config = CheckerHarness.fast().headFirst(false).build();
        server.enqueue(status(200));
        String link = link("/get-only");

        harness.check(link);

        assertThat(requests(server)).extracting(RecordedRequest::getMethod).containsExactly("GET");
    }

    @Test
    void retriesA429AfterTheSecondsInRetryAfter() throws Exception {
        server.enqueue(retryAfter(429, "7"));
        server.enqueue(status(200));
        String link = link("/rate-limited");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.recorder().delays()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(6900), Duration.ofSeconds(7)));
        // 429 is not a reason to try GET: the same HEAD is retried.
        assertThat(requests(server)).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "HEAD");
    }

    @Test
    void readsRetryAfterAsAnHttpDate() throws Exception {
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(harness.clock.instant().plusSeconds(90).atOffset(ZoneOffset.UTC));
        harness.config = CheckerHarness.fast().retryAfterCap(Duration.ofMinutes(5)).build();
        server.enqueue(retryAfter(429, inNinetySeconds));
        server.enqueue(status(200));
        String link = link("/dated");

        harness.check(link);

        assertThat(harness.recorder().delays()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(89_900), Duration.ofSeconds(90)));
        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
    }

    @Test
    void doesNotRetryWhenRetryAfterIsLongerThanTheCap() throws Exception {
        server.enqueue(retryAfter(429, "3600"));
        server.enqueue(status(200));
        String link = link("/come-back-later");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).contains("Retry-After 3600 s is longer than liveness.retryAfterCap");
        assertThat(harness.recorder().delays()).isEmpty();
        assertThat(requests(server)).hasSize(1);
    }

    @Test
    void aRetryAfterOfMoreSecondsThanAnIntHoldsIsLongerThanTheCap() throws Exception {
        harness.config = CheckerHarness.fast().headFirst(false).build();
        server.enqueue(retryAfter(503, "99999999999"));
        String link = link("/much-later");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail())
                .isEqualTo("HTTP 503, Retry-After 99999999999 s is longer than liveness.retryAfterCap");
        assertThat(requests(server)).hasSize(1);
    }

    @Test
    void aRetryAfterOfNothingIsRetriedOnlyAsOftenAsConfigured() throws Exception {
        harness.config = CheckerHarness.fast().headFirst(false).retries(0).build();
        server.enqueue(retryAfter(503, "0"));
        server.enqueue(status(200));
        String link = link("/busy");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).isEqualTo("HTTP 503");
        assertThat(requests(server)).hasSize(1);
    }

    @Test
    void backsOffExponentiallyOn5xx() throws Exception {
        harness.config = CheckerHarness.fast().headFirst(false).retries(3).retryBackoff(Duration.ofMillis(500))
                .build();
        server.enqueue(status(502));
        server.enqueue(status(503));
        server.enqueue(status(500));
        server.enqueue(status(200));
        String link = link("/flaky");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.recorder().delays())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void retriesAConnectionDroppedBeforeTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(status(200));
        String link = link("/dropped-once");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.recorder().delays()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void connectionDroppedOnEveryTryIsUnknown() throws Exception {
        MockResponse drop = new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        server.setDispatcher(new Routes().on("/dropped-always", drop).on("/healthy", status(200)));
        String link = link("/dropped-always");
        String healthy = ServerSupport.url(server, "other.test", "/healthy");

        harness.check(link, healthy);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).status()).isZero();
        assertThat(harness.row(healthy).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.recorder().delays()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    /** Regression: a server that closes every connection after answering made pooled reuse fail as "network". */
    @Test
    void aPooledConnectionTheServerClosedIsNotAFailure() throws Exception {
        harness.config = CheckerHarness.fast().concurrency(1).build();
        MockResponse closing = new MockResponse.Builder().code(200)
                .onResponseEnd(new SocketEffect.CloseSocket()).build();
        server.setDispatcher(new Routes().on("/a", closing).on("/b", closing).on("/c", closing).on("/d", closing));

        LinkCheckReport report = harness.check(link("/a"), link("/b"), link("/c"), link("/d"));

        assertThat(report.alive()).isEqualTo(4);
        assertThat(harness.recorder().delays()).isEmpty();
    }

    @Test
    void honoursARetryAfterOfExactlyTheCap() throws Exception {
        server.enqueue(retryAfter(429, "60"));
        server.enqueue(status(200));
        String link = link("/at-the-cap");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.recorder().delays()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(59_900), Duration.ofSeconds(60)));
    }

    @Test
    void fallsBackToGetOnA400ToHead() throws Exception {
        server.enqueue(status(400));
        server.enqueue(status(200));
        String link = link("/bad-head");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(requests(server)).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "GET");
    }

    @Test
    void aMultipleChoicesAnswerIsNeitherAliveNorFollowed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(300).setHeader("Location", "/elsewhere").build());
        String link = link("/choices");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).isEqualTo("HTTP 300");
        assertThat(requests(server)).extracting(RecordedRequest::getTarget).containsExactly("/choices");
    }
}
