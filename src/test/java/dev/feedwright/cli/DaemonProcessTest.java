package dev.feedwright.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.corpus.CorpusGenerator;
import dev.feedwright.testing.ChildJvm;
import dev.feedwright.testing.Feeds;
import dev.feedwright.testing.Waits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code feedwright daemon} as a real child process, told to stop with SIGTERM
 * ({@link Process#destroy()} on Linux) while its export on start is under way.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DaemonProcessTest {

    /** Big enough that an export takes seconds on one thread, small enough for a test. */
    private static final int ARTICLES = 30;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private Process daemon;

    @AfterEach
    void kill() {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
        }
    }

    @Test
    void sigtermDuringARunLetsItFinishThenExitsZero() throws Exception {
        new CorpusGenerator(1).write(temp.resolve("corpus"), ARTICLES);
        Path config = config("30s");
        daemon = start(config);
        awaitRunInProgress();
        Path lock = temp.resolve("feeds").resolve(".feedwright.lock");
        Waits.until(WAIT, "the daemon's run to hold the output folder's lock", () -> holder(lock)
                .startsWith("pid " + daemon.pid() + " "));

        // A one-shot export (as cron would start it) meets the daemon's lock and says who holds it.
        StringWriter err = new StringWriter();
        int exportCode = FeedwrightCommand.newCommandLine().setErr(new PrintWriter(err, true))
                .setOut(new PrintWriter(new StringWriter(), true)).execute("export", "--quiet", "--config",
                        config.toString());
        assertThat(exportCode).isEqualTo(ExitCodes.LOCKED);
        assertThat(err.toString()).contains("is locked by another run (pid " + daemon.pid() + " on ");

        long signalled = System.nanoTime();
        daemon.destroy();

        assertThat(daemon.waitFor(45, TimeUnit.SECONDS)).as("exited within the 30 s timeout and a margin").isTrue();
        assertThat(daemon.exitValue()).as("exit code; log:%n%s", log()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(45));
        String log = log();
        assertThat(log).contains("daemon stopping: no new runs; waiting up to 30 s for a run in progress");
        assertThat(log.indexOf("export run 1 (start): ok in ")).as("the run ended after the signal:%n%s", log)
                .isGreaterThan(log.indexOf("daemon stopping"));
        assertThat(log).contains("daemon stopped");
        JsonNode status = status();
        assertThat(status.get("state").asString()).isEqualTo("stopped");
        assertThat(status.get("lastRuns").get(0).get("outcome").asString()).isEqualTo("ok");
        assertThat(status.get("lastRuns").get(0).get("counts").get("filesRead").asLong()).isEqualTo(ARTICLES);
        List<String> files = assertEveryFeedParses();
        assertThat(files).hasSize(3 * (int) status.get("lastRuns").get(0).get("counts").get("feeds").asLong());
    }

    @Test
    void aRunCutOffByTheTimeoutLeavesThePreviousFeedsWhole() throws Exception {
        new CorpusGenerator(1).write(temp.resolve("corpus"), ARTICLES);
        Path config = config("0s");
        assertThat(FeedwrightCommand.newCommandLine().setOut(new PrintWriter(new StringWriter(), true))
                .execute("export", "--quiet", "--config", config.toString())).isEqualTo(ExitCodes.OK);
        // Other stories now: the daemon's run rewrites nearly every feed.
        try (Stream<Path> files = Files.list(temp.resolve("corpus"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        new CorpusGenerator(2).write(temp.resolve("corpus"), ARTICLES);
        Instant started = Instant.now();
        daemon = start(config);
        awaitRunInProgress();
        Waits.until(WAIT, "the run to write its first feed", () -> anyFeedWrittenSince(started));

        daemon.destroy();

        assertThat(daemon.waitFor(15, TimeUnit.SECONDS)).as("exited soon after the 0 s timeout").isTrue();
        assertThat(daemon.exitValue()).as("exit code; log:%n%s", log()).isZero();
        assertThat(log()).containsPattern("daemon stopped; export run 1 was still going after 0 s and is cut off;"
                + " the previous feeds stay whole");
        assertThat(log()).doesNotContain("export run 1 (start): ok");
        assertThat(assertEveryFeedParses()).contains("all.xml", "all.atom", "all.json");
    }

    /**
     * SQLite's driver copies its native library into the state folder and deletes the copy when
     * the JVM exits, but the daemon ends with {@code Runtime.halt}, which runs no exit hooks: a
     * service restarted now and then must not gather a megabyte in its state folder per start.
     */
    @Test
    void restartsLeaveNoMoreThanOneCopyOfSqlitesLibraryInTheStateFolder() throws Exception {
        new CorpusGenerator(1).write(temp.resolve("corpus"), 3);
        Path config = config("30s");
        for (int start = 1; start <= 3; start++) {
            daemon = start(config);
            Waits.until(WAIT, "the export on start to end", () -> {
                JsonNode status = status();
                return status != null && status.get("pid").asLong() == daemon.pid()
                        && status.get("lastRuns").size() > 0;
            });
            daemon.destroy();
            assertThat(daemon.waitFor(45, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).as("exit code; log:%n%s", log()).isZero();
        }

        try (Stream<Path> files = Files.list(temp.resolve("state"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("sqlite-")
                    && !name.endsWith(".lck"))).hasSizeLessThanOrEqualTo(1);
        }
    }

    /** A configuration for the generated corpus: one export thread, so that a run takes its time. */
    private Path config(String shutdownTimeout) throws IOException {
        return Files.writeString(temp.resolve("feedwright.yaml"), "corpus:\n  dir: " + temp.resolve("corpus")
                + "\noutput:\n  dir: " + temp.resolve("feeds") + "\n  lockWait: 0s\nstate:\n  dir: "
                + temp.resolve("state") + "\nexport:\n  threads: 1\nschedule:\n  export: \"0 0 0 1 1 ?\"\n"
                + "  runOnStart: true\n  watch: false\n  shutdownTimeout: " + shutdownTimeout + "\n", UTF_8);
    }

    private Process start(Path config) throws IOException {
        return new ProcessBuilder(ChildJvm.command("-Xmx512m", Main.class.getName(), "daemon", "--config",
                config.toString()))
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("daemon.log").toFile())
                .start();
    }

    private void awaitRunInProgress() {
        try {
            Waits.until(WAIT, "the export on start to be under way", () -> {
                assertThat(daemon.isAlive()).as("the daemon is running; log:%n%s", log()).isTrue();
                JsonNode status = status();
                return status != null && !status.get("running").isNull();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; status: " + status() + "; log:\n" + log(), e);
        }
    }

    private boolean anyFeedWrittenSince(Instant since) {
        try (Stream<Path> files = Files.walk(temp.resolve("feeds"))) {
            return files.filter(file -> isFeed(file.getFileName().toString()))
                    .anyMatch(file -> modified(file).isAfter(since));
        } catch (IOException | UncheckedIOException e) {
            // A temporary file renamed between the listing and the look at it: look again.
            return false;
        }
    }

    private static Instant modified(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return time.toInstant();
        } catch (IOException e) {
            return Instant.MIN;
        }
    }

    /** Every RSS, Atom and JSON feed in the output folder reads back whole; returns their names. */
    private List<String> assertEveryFeedParses() throws IOException {
        Path feeds = temp.resolve("feeds");
        List<String> files = Feeds.files(feeds).stream().filter(DaemonProcessTest::isFeed).toList();
        for (String name : files) {
            Path file = feeds.resolve(name);
            if (name.endsWith(".xml")) {
                assertThat(Feeds.rss(file).getTitle()).as(name).isNotBlank();
            } else if (name.endsWith(".atom")) {
                assertThat(Feeds.atom(file).getId()).as(name).isNotBlank();
            } else {
                assertThat(JSON.readTree(Files.readString(file)).get("version").asString()).as(name)
                        .isEqualTo("https://jsonfeed.org/version/1.1");
            }
        }
        return files;
    }

    private static boolean isFeed(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return !last.startsWith(".") && (last.endsWith(".xml") || last.endsWith(".atom") || last.endsWith(".json"));
    }

    private static String holder(Path lock) {
        try {
            return Files.exists(lock) ? Files.readString(lock) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode status() {
        Path file = temp.resolve("state").resolve("status.json");
        try {
            return Files.exists(file) ? JSON.readTree(Files.readString(file)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String log() {
        try {
            return Files.readString(temp.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
