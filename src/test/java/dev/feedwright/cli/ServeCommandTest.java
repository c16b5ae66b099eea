package dev.feedwright.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ServeCommandTest {

    private static final Pattern SERVING = Pattern.compile("serving (.+) at (http://127\\.0\\.0\\.1:(\\d+)/)");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** The actions the command registered to run at shutdown; a test runs them in place of a signal. */
    private final List<Runnable> shutdownHooks = new CopyOnWriteArrayList<>();

    private int run(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(shutdownHooks::add));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = FeedwrightCommand.newCommandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheOptions() {
        int code = run("serve", "--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: feedwright serve").contains("--port=PORT")
                .contains("--bind=ADDRESS").contains("--out=DIR").contains("--config=FILE");
    }

    @Test
    void topLevelHelpListsTheServeCommand() {
        int code = run("--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).containsPattern("(?m)^\\s+serve\\s+Serve the output folder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0      | --port must be between 1 and 65535, was 0",
        "65536  | --port must be between 1 and 65535, was 65536",
        "-1     | --port must be between 1 and 65535, was -1",
        "http   | Invalid value for option '--port': 'http' is not an int",
    })
    void aBadPortIsAUsageError(String port, String message) {
        int code = run("serve", "--port", port, "--out", temp.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(message);
        assertThat(out.toString()).isEmpty();
        assertThat(shutdownHooks).isEmpty();
    }

    @Test
    void aBadBindAddressIsAUsageError() {
        int code = run("serve", "--bind", "not an address", "--out", temp.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--bind must be an IP address or a host name, was 'not an address'");
    }

    @Test
    void aBadServeSettingIsAUsageErrorNamingFileAndLine() throws IOException {
        Path config = Files.writeString(temp.resolve("bad.yaml"), "serve:\n  port: 70000\n", UTF_8);

        int code = run("serve", "--config", config.toString(), "--out", temp.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(config + ":2: serve.port must be between 1 and 65535, was 70000");
    }

    @Test
    void aMissingFolderIsFatalAndSaysToExportFirst() {
        Path missing = temp.resolve("feeds");

        int code = run("serve", "--port", "8080", "--out", missing.toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("the output folder " + missing + " does not exist")
                .contains("run 'feedwright export' first");
        assertThat(shutdownHooks).isEmpty();
    }

    @Test
    void aPortInUseIsFatalAndNamesTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run("serve", "--port", String.valueOf(taken.getLocalPort()), "--out", temp.toString());

            assertThat(code).isEqualTo(ExitCodes.FATAL);
            assertThat(err.toString()).contains("feedwright: serve: cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(shutdownHooks).isEmpty();
        }
    }

    @Test
    void servesUntilTheShutdownHookRunsAndSaysWhere() throws Exception {
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Files.writeString(feeds.resolve("all.xml"), "<rss version=\"2.0\"/>", UTF_8);
        int port = freePort();
        Path config = Files.writeString(temp.resolve("feedwright.yaml"),
                "site:\n  baseUrl: http://127.0.0.1:" + port + "/\nfeeds:\n  refresh: 1h\n", UTF_8);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = thread.submit(() -> run("serve", "--config", config.toString(),
                    "--port", String.valueOf(port), "--out", feeds.toString()));
            Matcher line = awaitServingLine();

            assertThat(line.group(1)).isEqualTo(feeds + "/");
            assertThat(line.group(3)).isEqualTo(String.valueOf(port));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(line.group(2) + "all.xml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<rss version=\"2.0\"/>");
            assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=3600");
            assertThat(serving).isNotDone();

            assertThat(shutdownHooks).hasSize(1);
            shutdownHooks.get(0).run();

            assertThat(serving.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
            assertThat(out.toString().lines()).hasSize(1);
            assertThat(err.toString()).isEmpty();
        } finally {
            shutdownHooks.forEach(Runnable::run);
            thread.shutdownNow();
        }
    }

    @Test
    void servingAtAnotherPortThanTheSiteAddressNamesWarnsAndStillServes() throws Exception {
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Path config = Files.writeString(temp.resolve("defaults.yaml"), "feeds:\n  refresh: 1h\n", UTF_8);
        int port = freePort();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = thread.submit(() -> run("serve", "--config", config.toString(),
                    "--port", String.valueOf(port), "--out", feeds.toString()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!err.toString().contains("warning") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(err.toString()).contains("feedwright: warning: site.baseUrl is http://127.0.0.1:8080/, but this"
                    + " server is at http://127.0.0.1:" + port + "/").contains("lead to port 8080");
            assertThat(out.toString()).contains("serving " + feeds + "/ at http://127.0.0.1:" + port + "/");
            assertThat(serving).isNotDone();
            shutdownHooks.get(0).run();
            assertThat(serving.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        } finally {
            shutdownHooks.forEach(Runnable::run);
            thread.shutdownNow();
        }
    }

    private Matcher awaitServingLine() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = SERVING.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            assertThat(err.toString()).isEmpty();
            Thread.sleep(20);
        }
        throw new AssertionError("no 'serving' line within 10 s; out: " + out + "; err: " + err);
    }

    /** A port nothing listens on right now; another process could take it before the server does, but on loopback in a test run that does not happen. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
