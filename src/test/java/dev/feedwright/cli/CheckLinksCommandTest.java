package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckLinksCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/moved")) {
                    return new MockResponse.Builder().code(301).addHeader("Location", "/ok" + path).build();
                }
                return new MockResponse.Builder().code(path.startsWith("/ok") ? 200 : 404).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        CommandLine commandLine = FeedwrightCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** A configuration for loopback tests: state in the temp folder, private addresses allowed. */
    private Path config(String extra) throws IOException {
        Path config = temp.resolve("feedwright.yaml");
        Files.writeString(config, "state:\n  dir: " + temp.resolve("state") + "\n"
                + "liveness:\n  allowPrivateAddresses: true\n  hostInterval: 0s\n  retries: 0\n" + extra);
        return config;
    }

    /** A corpus whose two links point at a port nothing listens on, as when the network is down. */
    private Path corpusOnAClosedPort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;
        return corpus(nowhere + "/a", nowhere + "/b");
    }

    private Path corpus(String primary, String related) throws IOException {
        return LinkCorpus.write(temp, primary, related);
    }

    @Test
    void checksEveryLinkAndReportsWhatItFound() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        Path corpus = corpus(base + "/ok/story", base + "/missing");

        int code = run("check-links", "--config", config("").toString(), "--corpus", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).containsExactly(
                out.toString().lines().findFirst().orElseThrow(),
                "check-links: 2 checked: 1 alive, 0 moved, 1 dead, 0 unknown, 0 refused; 0 not checked",
                "check-links: worst hosts: 127.0.0.1 (1 dead, 0 unknown of 2)",
                "check-links: feeds: 0 confirmed-dead links left out, 0 moved links point to their new address");
        assertThat(out.toString()).startsWith(
                "check-links: 1 files read, 0 skipped; 2 links: 2 due, 0 skipped as cached, 0 excluded; ");
        assertThat(temp.resolve("state/feedwright.db")).isRegularFile();
        assertThat(server.getRequestCount()).isEqualTo(3); // HEAD, HEAD, and GET to confirm the 404
    }

    @Test
    void oneMovedLinkIsSaidInTheSingular() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        Path corpus = corpus(base + "/moved/story", base + "/ok/other");

        int code = run("check-links", "--config", config("").toString(), "--corpus", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).contains(
                "check-links: 2 checked: 1 alive, 1 moved, 0 dead, 0 unknown, 0 refused; 0 not checked",
                "check-links: feeds: 0 confirmed-dead links left out, 1 moved link points to its new address");
    }

    @Test
    void aSecondRunSkipsTheLinksCheckedRecently() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        Path corpus = corpus(base + "/ok/a", base + "/ok/b");
        Path config = config("");
        run("check-links", "--config", config.toString(), "--corpus", corpus.toString());
        out.getBuffer().setLength(0);

        int code = run("check-links", "--config", config.toString(), "--corpus", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 links: 0 due, 2 skipped as cached, 0 excluded")
                .contains("0 checked: 0 alive");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theStateOptionKeepsTheResultsWhereAnExportWithTheSameOptionFindsThem() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        Path corpus = corpus(base + "/ok/story", base + "/missing");
        Path config = config("");
        Path state = temp.resolve("elsewhere");

        int code = run("check-links", "--config", config.toString(), "--corpus", corpus.toString(),
                "--state", state.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(state.resolve("feedwright.db")).isRegularFile();
        assertThat(temp.resolve("state")).doesNotExist();
        out.getBuffer().setLength(0);
        int again = run("check-links", "--config", config.toString(), "--corpus", corpus.toString(),
                "--state", state.toString());
        assertThat(again).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 links: 0 due, 2 skipped as cached, 0 excluded");
    }

    @Test
    void aNetworkThatLooksDownIsReportedButIsNoFailure() throws IOException {
        Path corpus = corpusOnAClosedPort();

        int code = run("check-links", "--config", config("").toString(), "--corpus", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 checked: 0 alive, 0 moved, 0 dead, 2 unknown, 0 refused")
                .contains("check-links: the network looks down: 2 of the first 2 checks failed for network reasons");
        assertThat(err.toString()).isEmpty();
    }

    /**
     * Quiet prints no summary, but a run that checked nothing for a dead network must still say so,
     * as check-links and as export --check-links.
     */
    @Test
    void quietSaysOnlyThatTheNetworkLooksDown() throws IOException {
        Path corpus = corpusOnAClosedPort();
        String networkDown = "the network looks down: 2 of the first 2 checks failed for network reasons;"
                + " stopped checking, and every link keeps its previous state";

        int check = run("check-links", "--quiet", "--config", config("").toString(), "--corpus", corpus.toString());

        assertThat(check).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly("feedwright: check-links: " + networkDown);

        err.getBuffer().setLength(0);
        int export = run("export", "--check-links", "--quiet", "--config", config("").toString(), "--corpus",
                corpus.toString(), "--out", temp.resolve("feeds").toString());

        assertThat(export).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly("feedwright: links: " + networkDown);
    }

    @Test
    void privateAddressesAreRefusedUnlessTheConfigurationAllowsThem() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        Path corpus = corpus(base + "/ok/a", base + "/ok/b");
        Path config = temp.resolve("strict.yaml");
        Files.writeString(config, "state:\n  dir: " + temp.resolve("state") + "\n");

        int code = run("check-links", "--config", config.toString(), "--corpus", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 checked: 0 alive, 0 moved, 0 dead, 0 unknown, 2 refused")
                .contains("worst hosts: 127.0.0.1 (0 dead, 0 unknown, 2 refused of 2)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBadLivenessSettingIsAUsageError() throws IOException {
        Path config = config("  perHost: 0\n");

        int code = run("check-links", "--config", config.toString(), "--corpus", temp.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(config + ":7: liveness.perHost must be between 1 and 1024, was 0");
    }

    @Test
    void aMissingCorpusIsFatal() throws IOException {
        int code = run("check-links", "--config", config("").toString(), "--corpus", temp.resolve("nope").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("check-links failed").contains("nope");
    }

    @Test
    void exportWithCheckLinksReportsTheLinksThenTheExport() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        Path corpus = corpus(base + "/ok/story", base + "/ok/related");

        int code = run("export", "--check-links", "--config", config("").toString(), "--corpus", corpus.toString(),
                "--out", temp.resolve("feeds").toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines().toList()).first().asString()
                .startsWith("links: 1 files read, 0 skipped; 2 links: 2 due");
        assertThat(out.toString()).contains("links: 2 checked: 2 alive").contains("\nexport: 1 files, 1 read");
    }

    @Test
    void helpListsTheCommandAndTheExportOption() {
        run("--help");
        run("export", "--help");

        assertThat(out.toString()).contains("check-links").contains("--check-links");
    }
}
