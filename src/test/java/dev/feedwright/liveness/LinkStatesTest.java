package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each state a link can end in, from what a loopback server answers. */
class LinkStatesTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        harness = new CheckerHarness(temp, CheckerHarness.fast().build());
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private String url(String host, String path) {
        return ServerSupport.url(server, host, path);
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        return ServerSupport.requests(server);
    }

    @Test
    void aliveOn2xxWithOneHeadRequestThatNamesFeedwright() throws Exception {
        server.enqueue(status(200));
        String link = url("news.test", "/story");

        LinkCheckReport report = harness.check(link);

        assertThat(report.alive()).isEqualTo(1);
        LinkRow row = harness.row(link);
        assertThat(row.state()).isEqualTo(LinkState.ALIVE);
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.movedTo()).isNull();
        List<RecordedRequest> requests = requests();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("HEAD");
            assertThat(r.getUrl().encodedPath()).isEqualTo("/story");
            assertThat(r.getHeaders().get("User-Agent"))
                    .matches("Feedwright/\\d+\\.\\d+\\.\\d+.* \\(\\+https://github\\.com/feedwright/feedwright\\)");
        });
    }

    @Test
    void remembersWhereValidatorsCameFromWhenTheAnswerGaveEitherOne() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("ETag", "\"v1\"").build());
        server.enqueue(new MockResponse.Builder().code(200)
                .setHeader("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT").build());
        server.enqueue(status(200));
        String etagOnly = url("news.test", "/etag");
        String dateOnly = url("news.test", "/date");
        String neither = url("news.test", "/none");

        harness.check(etagOnly);
        harness.check(dateOnly);
        harness.check(neither);

        assertThat(harness.row(etagOnly).etag()).isEqualTo("\"v1\"");
        assertThat(harness.row(etagOnly).validatorUrl()).isEqualTo(etagOnly);
        assertThat(harness.row(dateOnly).lastModified()).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(harness.row(dateOnly).validatorUrl()).isEqualTo(dateOnly);
        assertThat(harness.row(neither).validatorUrl()).isNull();
    }

    @Test
    void deadOn404WhenGetAgreesWithHead() throws Exception {
        server.enqueue(status(404));
        server.enqueue(status(404));
        String link = url("news.test", "/gone");

        LinkCheckReport report = harness.check(link);

        assertThat(report.dead()).isEqualTo(1);
        LinkRow row = harness.row(link);
        assertThat(row.state()).isEqualTo(LinkState.DEAD);
        assertThat(row.detail()).isEqualTo("HTTP 404");
        assertThat(row.deadChecks()).isEqualTo(1);
        assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "GET");
    }

    /** A 304 to a request that named no validator says nothing about the page. */
    @Test
    void unknownOnANotModifiedThatNoValidatorAskedFor() throws Exception {
        server.enqueue(status(304));
        String link = url("news.test", "/story");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).isEqualTo("HTTP 304");
        assertThat(requests()).hasSize(1)
                .allSatisfy(r -> assertThat(r.getHeaders().get("If-None-Match")).isNull());
    }

    @Test
    void deadOn410() throws Exception {
        server.enqueue(status(410));
        server.enqueue(status(410));
        String link = url("news.test", "/removed");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.DEAD);
        assertThat(harness.row(link).status()).isEqualTo(410);
    }

    @Test
    void unknownOn403FromABotBlocker() throws Exception {
        server.enqueue(status(403));
        server.enqueue(status(403));
        String link = url("news.test", "/blocked");

        LinkCheckReport report = harness.check(link);

        assertThat(report.unknown()).isEqualTo(1);
        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).isEqualTo("HTTP 403");
    }

    @Test
    void unknownOn5xxOnceTheRetriesAreSpent() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(503));
        }
        String link = url("news.test", "/busy");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).status()).isEqualTo(503);
        // HEAD, then GET, then two retries of the GET.
        assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "GET", "GET", "GET");
    }

    @Test
    void deadWhenTheHostNameDoesNotResolveWhileOtherNamesDo() throws Exception {
        server.enqueue(status(200));
        String alive = url("news.test", "/ok");
        String gone = "http://expired-domain.invalid/story";

        LinkCheckReport report = harness.check(alive, gone);

        assertThat(report.networkLooksDown()).isFalse();
        assertThat(harness.row(gone).state()).isEqualTo(LinkState.DEAD);
        assertThat(harness.row(gone).detail()).contains("does not resolve");
        assertThat(harness.row(alive).state()).isEqualTo(LinkState.ALIVE);
    }

    /** Regression: the resolver's "temporary failure" (EAI_AGAIN) was a dead check at once, like a missing domain. */
    @Test
    void aTemporaryResolverFailureIsTriedAgainNotADeadCheck() throws Exception {
        server.enqueue(status(200));
        server.enqueue(status(200));
        String alive = url("news.test", "/ok");
        String flaky = url("flaky.test", "/story");
        harness.dns.failOnce("flaky.test", LinkProbe.TEMPORARY_DNS_FAILURE);

        harness.check(alive, flaky);

        assertThat(harness.row(flaky).state()).isEqualTo(LinkState.ALIVE);
        assertThat(requests()).hasSize(2);
    }

    /** Regression: the whole of a bad status line (OkHttp's message holds it) became the stored detail. */
    @Test
    void aHugeAnswerThatIsNotHttpLeavesAShortDetail() throws Exception {
        try (RawServer garbage = RawServer.answeringAfterRequest("X".repeat(200_000) + "\r\n\r\n")) {
            String link = "http://garbage.test:" + garbage.port() + "/a";

            harness.check(link);

            assertThat(harness.row(link).detail()).startsWith("ProtocolException").hasSizeLessThanOrEqualTo(300)
                    .endsWith("…");
        }
    }

    @Test
    void unknownOnAnAnswerThatIsNotHttpWhichSaysNothingAboutTheNetwork() throws Exception {
        // OkHttp fails a 407 from a server that is no proxy with a ProtocolException, as it does a
        // bad status line: the server answered, so this single check must not make the run "network down".
        server.enqueue(status(407));
        server.enqueue(status(407));
        server.enqueue(status(407));
        String link = url("proxy-ish.test", "/");

        LinkCheckReport report = harness.check(link);

        assertThat(report.networkLooksDown()).isFalse();
        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).startsWith("ProtocolException");
    }

    @Test
    void unknownOnATlsErrorWhichSaysNothingAboutTheNetwork() throws Exception {
        // https to a server that answers in plain HTTP: the TLS handshake fails. Were that counted
        // as a network failure, this single check would make the run "network down" and store
        // nothing. (Not MockWebServer: it reads the ClientHello as a request, and whether it then
        // answers or waits depended on the hello's random bytes; once in many runs the check timed out.)
        try (RawServer plain = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")) {
            String link = "https://secure.test:" + plain.port() + "/";

            LinkCheckReport report = harness.check(link);

            assertThat(report.networkLooksDown()).isFalse();
            assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
            assertThat(harness.row(link).detail()).startsWith("TLS error");
        }
    }
}
