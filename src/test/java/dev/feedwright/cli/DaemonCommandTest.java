package dev.feedwright.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.testing.Feeds;
import dev.feedwright.testing.Waits;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code feedwright daemon} in this process, with the signal and the process's end stood in for. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** What the command registered to run on SIGTERM; a test runs it in place of the signal. */
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    /** What the command registered to run on SIGHUP. */
    private final List<Runnable> onReopen = new CopyOnWriteArrayList<>();
    /** The statuses the command ended the process with. */
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void cleanUp() throws IOException {
        onStop.forEach(Runnable::run);
        thread.shutdownNow();
        Logging.alsoToFile(null);
    }

    private int run(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == DaemonCommand.class) {
                    return type.cast(new DaemonCommand(new DaemonCommand.ProcessControl() {
                        @Override
                        public void onStop(Runnable action) {
                            onStop.add(action);
                        }

                        @Override
                        public void exit(int status) {
                            exits.add(status);
                        }

                        @Override
                        public void onReopen(Runnable action) {
                            onReopen.add(action);
                        }
                    }));
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
    void helpTellsWhatTheDaemonDoesAndHowToStopIt() {
        int code = run("daemon", "--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        // picocli wraps lines at 80 columns, also right after the dot in a key such as schedule.timeZone.
        String help = out.toString().replaceAll("\\.\\n\\s*(?=[a-z])", ".").replaceAll("\\s+", " ");
        assertThat(help).contains("Usage: feedwright daemon").contains("--config=FILE")
                .contains("--serve=PORT").contains("schedule.export").contains("schedule.checkLinks")
                .contains("schedule.runOnStart").contains("schedule.watch").contains("schedule.quietPeriod")
                .contains("schedule.shutdownTimeout").contains("schedule.timeZone").contains("5-field crontab")
                .contains("SIGTERM").contains("/status").contains("status.json").contains("logging.file")
                .contains("Exit codes:");
    }

    @Test
    void topLevelHelpListsTheDaemon() {
        run("--help");

        assertThat(out.toString()).containsPattern("(?m)^\\s+daemon\\s+Keep the feeds fresh");
    }

    @Test
    void aBadCronExpressionIsAUsageErrorNamingFileLineAndExpression() throws IOException {
        Path config = Files.writeString(temp.resolve("feedwright.yaml"),
                "schedule:\n  timeZone: UTC\n  export: \"*/15 * * *\"\n", UTF_8);

        int code = run("daemon", "--config", config.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("feedwright: " + config + ":3: schedule.export '*/15 * * *' is not a"
                + " cron expression: it has 4 fields; a cron expression has 5 (crontab: minute hour day-of-month"
                + " month day-of-week) or 6 to 7");
        assertThat(onStop).isEmpty();
    }

    @Test
    void aBadPortIsAUsageError() {
        int code = run("daemon", "--serve", "70000");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--serve must be a port between 1 and 65535, was 70000");
    }

    @Test
    void aPortInUseIsFatalAndStartsNothing() throws IOException {
        Path config = config("YEARLY", true, "");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run("daemon", "--config", config.toString(), "--serve", String.valueOf(taken.getLocalPort()));

            assertThat(code).isEqualTo(ExitCodes.FATAL);
            assertThat(err.toString()).contains("feedwright: daemon: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort());
            assertThat(onStop).isEmpty();
            assertThat(temp.resolve("state").resolve("status.json")).doesNotExist();
        }
    }

    @Test
    void exportsAtOnceServesWithStatusReExportsOnChangeAndStopsWithZero() throws Exception {
        Path log = temp.resolve("log").resolve("feedwright.log");
        int port = freePort();
        Path config = config("0 0 0 1 1 ?", true, "logging:\n  file: " + log + "\nsite:\n  baseUrl: http://127.0.0.1:"
                + port + "/\n");

        Future<Integer> daemon = thread.submit(() -> run("daemon", "--config", config.toString(),
                "--serve", String.valueOf(port)));
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Waits.until(WAIT, "the export on start", () -> okRuns(status(base)) == 1);

        assertThat(out.toString()).contains("serving " + temp.resolve("feeds") + "/ at " + base + " (status at "
                + base + "status)");
        HttpResponse<String> all = http.send(HttpRequest.newBuilder(base.resolve("all.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("<rss");
        JsonNode status = status(base);
        assertThat(status.get("state").asString()).isEqualTo("running");
        assertThat(status.get("lastRuns").get(0).get("cause").asString()).isEqualTo("start");
        assertThat(status.get("lastRuns").get(0).get("counts").get("feedsWritten").asLong()).isEqualTo(32);
        assertThat(status.get("jobs").get("export").get("nextFireTime").asString()).endsWith("-01-01T00:00:00Z");

        Files.copy(Feeds.seeds().resolve("000_3b4be3fe1f265a52.txt"), temp.resolve("corpus").resolve("copy.md"));
        Waits.until(WAIT, "an export after the corpus changed", () -> okRuns(status(base)) == 2);

        JsonNode second = status(base).get("lastRuns").get(0);
        assertThat(second.get("cause").asString()).isEqualTo("watch");
        assertThat(second.get("summary").asString()).startsWith("6 files, 1 read, 0 skipped;");
        assertThat(daemon).isNotDone();

        // Found by a helper's hunt: after logrotate moved the file, logging went on into the moved
        // one, and the SIGHUP meant to reopen it stopped the daemon with exit 0.
        Path rotated = log.resolveSibling(log.getFileName() + ".1");
        Files.move(log, rotated);
        assertThat(onReopen).hasSize(1);
        onReopen.get(0).run();

        assertThat(onStop).hasSize(1);
        onStop.get(0).run();

        assertThat(daemon.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(exits).containsExactly(ExitCodes.OK);
        JsonNode last = JsonMapper.builder().build().readTree(temp.resolve("state").resolve("status.json").toFile());
        assertThat(last.get("state").asString()).isEqualTo("stopped");
        assertThat(Files.readString(rotated)).containsPattern(
                "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  export run 1 \\(start\\): ok in ")
                .contains("export run 2 (watch): ok in ").doesNotContain("daemon stopped");
        assertThat(Files.readString(log)).contains("logging.file reopened (SIGHUP)").contains("daemon stopped");
        assertThat(err.toString()).isEmpty();
    }

    private JsonNode status(URI base) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
            return JsonMapper.builder().build().readTree(response.body());
        } catch (IOException e) {
            return null; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long okRuns(JsonNode status) {
        if (status == null) {
            return -1;
        }
        long ok = 0;
        for (JsonNode run : status.get("lastRuns")) {
            if (run.get("outcome").asString().equals("ok")) {
                ok++;
            }
        }
        return ok;
    }

    /** A configuration with every path in the test's folder and the seeds as the corpus. */
    private Path config(String export, boolean runOnStart, String more) throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        try (Stream<Path> seeds = Files.list(Feeds.seeds())) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        return Files.writeString(temp.resolve("feedwright.yaml"), "corpus:\n  dir: " + corpus + "\noutput:\n  dir: "
                + temp.resolve("feeds") + "\nstate:\n  dir: " + temp.resolve("state") + "\nschedule:\n  export: \""
                + export.replace("YEARLY", "0 0 0 1 1 ?") + "\"\n  runOnStart: " + runOnStart
                + "\n  quietPeriod: 300ms\n" + more, UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
