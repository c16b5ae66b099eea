package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links checked one after another on the same host share a pooled connection, and a server that
 * leaves that connection dirty (a body after its answer to HEAD, which the next request reads as
 * its status line) costs no link its state: only the request it broke is sent again, on a
 * connection of its own.
 */
class ReusedConnectionsTest {

    private static final int LINKS = 10;

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        // One request at a time and no retries of the probe's own, so that each link's check
        // follows the one before on the same connection and a broken request shows at once.
        harness = new CheckerHarness(temp, CheckerHarness.fast().retries(0).concurrency(1).perHost(1).build());
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    @Test
    void healthyLinksOfOneHostShareOneConnection() throws Exception {
        answerEveryRequest(new MockResponse.Builder().code(200).build());

        LinkCheckReport report = harness.check(links());

        assertThat(report.alive()).isEqualTo(LINKS);
        List<RecordedRequest> requests = ServerSupport.requests(server);
        assertThat(requests).hasSize(LINKS).allSatisfy(r -> assertThat(r.getConnectionIndex()).isZero());
    }

    @Test
    void aGetReadsItsAnswersBodySoThatTheNextLinkReusesTheConnection() throws Exception {
        // The body comes 500 ms after the status: read, it leaves the connection clean; left
        // unread, OkHttp gives up on it after 100 ms and closes the connection.
        harness.config = CheckerHarness.fast().retries(0).concurrency(1).perHost(1).headFirst(false).build();
        answerEveryRequest(new MockResponse.Builder().code(200).body("<html>" + "x".repeat(1000) + "</html>")
                .bodyDelay(500, TimeUnit.MILLISECONDS).build());
        String[] links = Arrays.copyOf(links(), 3);

        LinkCheckReport report = harness.check(links);

        assertThat(report.alive()).isEqualTo(3);
        assertThat(ServerSupport.requests(server)).hasSize(3).allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getConnectionIndex()).isZero();
        });
    }

    @Test
    void aBodyAfterTheAnswerToHeadCostsNoLinkItsState() throws Exception {
        // MockWebServer writes the body whatever the method, as the broken servers do.
        answerEveryRequest(new MockResponse.Builder().code(200).body("hello from a HEAD body").build());
        String[] links = links();

        LinkCheckReport report = harness.check(links);

        for (String link : links) {
            assertThat(harness.row(link).state()).as(link + ": " + harness.row(link).detail())
                    .isEqualTo(LinkState.ALIVE);
        }
        assertThat(report.unknown()).isZero();
        List<RecordedRequest> requests = ServerSupport.requests(server);
        assertThat(requests).allSatisfy(r -> assertThat(r.getMethod()).isEqualTo("HEAD"));
        assertThat(requests.size()).as("one more request for each the dirty connection broke")
                .isGreaterThan(LINKS).isLessThan(2 * LINKS);
    }

    @Test
    void aNonHttpAnswerOnAFreshConnectionIsNotSentAgain() throws Exception {
        // Only an answer on a pooled connection may be the last one's leftovers: this one is the
        // server's own, and asking again on a new connection would only ask it twice.
        try (RawServer ssh = RawServer.answeringAfterRequest("SSH-2.0-OpenSSH_9.6\r\n")) {
            String link = "http://ssh.test:" + ssh.port() + "/story";

            LinkCheckReport report = harness.check(link);

            assertThat(report.unknown()).isEqualTo(1);
            assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
            assertThat(ssh.connections()).as("connections the one request opened").isEqualTo(1);
        }
    }

    private void answerEveryRequest(MockResponse response) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
    }

    private String[] links() {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            links.add(ServerSupport.url(server, "dirty.test", "/story-" + i));
        }
        return links.toArray(String[]::new);
    }
}
