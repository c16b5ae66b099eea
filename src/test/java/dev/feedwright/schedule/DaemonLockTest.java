package dev.feedwright.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.ConfigLoader;
import dev.feedwright.status.RunRecord;
import dev.feedwright.testing.ChildJvm;
import dev.feedwright.testing.Feeds;
import dev.feedwright.testing.Waits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's exports take the output folder's lock like {@code feedwright export} does: while
 * another process holds it, a run waits {@code output.lockWait}, then fails naming the holder, and
 * the schedule goes on until the folder is free.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonLockTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private Daemon daemon;
    private Process holder;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(10));
        }
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    /**
     * Found by a helper's hunt: a second daemon on the state folder (the new build started before
     * the old one was stopped) ran beside the first and wrote its status over the first's, then
     * "stopped" while the old one went on.
     */
    @Test
    void aSecondDaemonOnOneStateFolderIsRefusedUntilTheFirstStops() throws Exception {
        FeedwrightConfig config = DaemonTests.config(temp, DaemonTests.schedule(DaemonTests.YEARLY,
                DaemonTests.YEARLY, false, false, Duration.ofSeconds(1)));
        daemon = DaemonTests.daemon(config, new RecordingWork());
        daemon.start();
        Daemon second = DaemonTests.daemon(config, new RecordingWork());

        assertThatThrownBy(second::start).isInstanceOf(DaemonException.class)
                .hasMessageContaining("state folder " + temp.resolve("state") + " is used by another daemon");
        assertThat(daemon.status().state()).isEqualTo("running");

        daemon.stop(Duration.ofSeconds(10));
        daemon = DaemonTests.daemon(config, new RecordingWork());
        daemon.start();
        assertThat(daemon.status().state()).isEqualTo("running");
    }

    @Test
    void aRunWaitsForAnotherProcessHoldingTheLockThenSaysWhoAndTheNextRunWrites() throws Exception {
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        try (Stream<Path> seeds = Files.list(Feeds.seeds())) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        holder = startHolder(feeds);
        Path file = Files.writeString(temp.resolve("feedwright.yaml"), "corpus:\n  dir: " + corpus
                + "\noutput:\n  dir: " + feeds + "\n  lockWait: 500ms\nstate:\n  dir: " + temp.resolve("state")
                + "\nschedule:\n  export: \"*/2 * * * * ?\"\n  runOnStart: true\n  watch: false\n");
        FeedwrightConfig config = ConfigLoader.load(file, Crons.CHECK);
        daemon = new Daemon(config, "test", new PipelineWork(config, BuildInfo.load(), Clock.systemUTC()),
                Clock.systemUTC());
        daemon.start();

        Waits.until(WAIT, "a run to fail on the lock", () -> !daemon.status().lastRuns().isEmpty());

        RunRecord failed = daemon.status().lastRuns().get(0);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.error()).startsWith("OutputLockedException: output folder " + feeds
                + " is locked by another run (pid " + holder.pid() + " on ");
        assertThat(feeds.resolve("all.xml")).doesNotExist();

        holder.getOutputStream().close();
        assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Waits.until(WAIT, "a run to write the feeds", () -> daemon.status().lastRuns().get(0).ok());

        List<RunRecord> runs = daemon.status().lastRuns();
        assertThat(runs.get(0).result().summary()).startsWith("5 files, 5 read, 0 skipped; 5 stories, 31 articles;"
                + " 32 feeds: 32 written, 0 unchanged, 0 deleted");
        assertThat(runs.get(0).counts()).containsEntry("feedsWritten", 32L);
        assertThat(daemon.status().jobs().get(0).failures()).isEqualTo(runs.size() - 1);
        assertThat(Feeds.rss(feeds.resolve("all.xml")).getItems()).hasSize(5);
    }

    /** Another JVM that takes the lock and keeps it until its standard input closes. */
    private static Process startHolder(Path feeds) throws IOException {
        Process process = new ProcessBuilder(ChildJvm.command("dev.feedwright.publish.LockProbe", "hold",
                feeds.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("held");
        return process;
    }
}
