package dev.feedwright.schedule;

import static dev.feedwright.schedule.DaemonTests.YEARLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedwright.status.RunRecord;
import dev.feedwright.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Changes to the corpus folder start one export through the scheduler once the folder has gone quiet. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusWatchingTest {

    private static final Duration QUIET = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private Path corpus;
    private final RecordingWork work = new RecordingWork();
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        corpus = Files.createDirectories(temp.resolve("corpus"));
        daemon = DaemonTests.daemon(DaemonTests.config(temp, DaemonTests.schedule(YEARLY, YEARLY, false, true, QUIET)),
                work);
        daemon.start();
        // No pause: the corpus folder is watched once start() returns.
    }

    @AfterEach
    void stop() {
        daemon.stop(Duration.ofSeconds(10));
    }

    @Test
    void copyingThousandsOfFilesGivesOneExport() throws IOException {
        for (int i = 0; i < 2000; i++) {
            Files.writeString(corpus.resolve("article-" + i + ".md"), "---\ntitle: " + i + "\n---\n");
            if (i % 500 == 499) {
                Waits.sleep(QUIET.dividedBy(3));
            }
        }

        Waits.until(WAIT, "an export after the copy", () -> work.calls() >= 1);
        Waits.sleep(QUIET.multipliedBy(4));

        assertThat(work.calls()).isEqualTo(1);
        RunRecord run = daemon.status().lastRuns().get(0);
        assertThat(run.job()).isEqualTo("export");
        assertThat(run.cause()).isEqualTo("watch");
    }

    @Test
    void anExportFollowsAChangeOnlyAfterTheQuietPeriod() throws IOException {
        long before = System.nanoTime();
        Files.writeString(corpus.resolve("a.md"), "---\ntitle: A\n---\n");

        Waits.until(WAIT, "an export", () -> work.calls() == 1);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(QUIET);
    }

    @Test
    void changesAndRemovalsCountAndSoDoFilesInNewSubFolders() throws IOException {
        Path file = Files.writeString(corpus.resolve("a.md"), "---\ntitle: A\n---\n");
        Waits.until(WAIT, "an export for the new file", () -> work.calls() == 1);

        Files.writeString(file, "---\ntitle: A, corrected\n---\n");
        Waits.until(WAIT, "an export for the change", () -> work.calls() == 2);

        Files.delete(file);
        Waits.until(WAIT, "an export for the removal", () -> work.calls() == 3);

        Path folder = Files.createDirectories(corpus.resolve("2026").resolve("11"));
        Waits.until(WAIT, "an export for the new folders", () -> work.calls() == 4);

        Files.writeString(folder.resolve("b.txt"), "---\ntitle: B\n---\n");
        Waits.until(WAIT, "an export for a file in a new sub-folder", () -> work.calls() == 5);
    }

    @Test
    void watchesACorpusFolderThatIsASymbolicLinkAndItsSubFolders() throws Exception {
        daemon.stop(Duration.ofSeconds(10));
        Path folder = Files.createDirectories(temp.resolve("linked-corpus/2026"));
        Path linked = Files.createDirectories(temp.resolve("linked"));
        try {
            Files.createSymbolicLink(linked.resolve("corpus"), folder.getParent());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
        RecordingWork linkedWork = new RecordingWork();
        daemon = DaemonTests.daemon(DaemonTests.config(linked,
                DaemonTests.schedule(YEARLY, YEARLY, false, true, QUIET)), linkedWork);
        daemon.start();

        Files.writeString(folder.resolve("a.md"), "---\ntitle: A\n---\n");

        Waits.until(WAIT, "an export for a file in a sub-folder of the linked corpus", () -> linkedWork.calls() == 1);
    }

    @Test
    void filesThatAreNoArticlesChangeNothing() throws IOException {
        Files.writeString(corpus.resolve(".a.md.swp"), "editor state");
        Files.writeString(corpus.resolve("notes.tmp"), "not an article");
        Files.writeString(Files.createDirectories(corpus.resolve(".git")).resolve("index.md"), "hidden");
        Waits.sleep(QUIET.multipliedBy(4));

        assertThat(work.calls()).isZero();

        Files.writeString(corpus.resolve("a.md"), "---\ntitle: A\n---\n");
        Waits.until(WAIT, "an export for an article", () -> work.calls() == 1);
    }

    @Test
    void aFolderMadeAgainUnderTheNameOfOneRenamedAwayIsWatched() throws IOException {
        Path folder = Files.createDirectories(corpus.resolve("2026"));
        Waits.until(WAIT, "an export for the new folder", () -> work.calls() == 1);
        Files.move(folder, corpus.resolve("2026-old"));
        Waits.until(WAIT, "an export for the renamed folder", () -> work.calls() == 2);
        Files.createDirectories(folder);
        Waits.until(WAIT, "an export for the folder made again", () -> work.calls() == 3);

        Files.writeString(folder.resolve("a.md"), "---\ntitle: A\n---\n");

        Waits.until(WAIT, "an export for a file in the folder made again", () -> work.calls() == 4);
    }

    @Test
    void aCorpusFolderRenamedIntoPlaceIsWatchedInsteadOfTheOldOne() throws IOException {
        Path next = Files.createDirectories(temp.resolve("corpus-next"));
        Files.writeString(next.resolve("a.md"), "---\ntitle: A\n---\n");
        Path old = temp.resolve("corpus-old");

        Files.move(corpus, old);
        Files.move(next, corpus);
        Waits.until(WAIT, "an export for the folder renamed into place", () -> work.calls() == 1);
        Waits.sleep(QUIET.multipliedBy(4));
        Files.writeString(old.resolve("b.md"), "---\ntitle: B, in the old folder\n---\n");
        Waits.sleep(QUIET.multipliedBy(4));
        assertThat(work.calls()).as("exports after a change in the folder renamed away").isEqualTo(1);

        Files.writeString(corpus.resolve("c.md"), "---\ntitle: C\n---\n");

        Waits.until(WAIT, "an export for a file in the folder renamed into place", () -> work.calls() == 2);
    }
}
