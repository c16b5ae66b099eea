package dev.feedwright.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.status.JobInfo;
import dev.feedwright.status.StatusBoard;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a failed run is worded in the daemon's log and status. */
class RunnerTest {

    @TempDir
    Path temp;

    /**
     * Found by a helper's hunt: a daemon paused 20 s (a machine that slept) ran twice on waking,
     * the fire time Quartz had taken before the pause and its catch-up of the missed ones.
     */
    @Test
    void aCatchUpAfterARunThatStartedWhenTheTimesWereMissedIsSkipped() {
        RecordingWork work = new RecordingWork();
        Runner runner = runner(work);
        Instant now = Instant.now();
        // Every two seconds, on the second: the next fire time after t is the next even second.
        UnaryOperator<Instant> everyTwoSeconds = t -> Instant.ofEpochSecond(t.getEpochSecond() / 2 * 2 + 2);

        runner.runScheduled(Task.EXPORT, now.minusSeconds(20), everyTwoSeconds); // taken before the pause
        runner.runScheduled(Task.EXPORT, Instant.now().plusMillis(1), everyTwoSeconds); // Quartz's catch-up

        assertThat(work.calls()).isEqualTo(1);
    }

    /** A fire time that came due since the last run started runs, late or on time: one catch-up, then the schedule. */
    @Test
    void runsAFireTimeThatCameDueSinceTheLastRunStarted() {
        RecordingWork work = new RecordingWork();
        Runner runner = runner(work);
        Instant start = Instant.now();
        UnaryOperator<Instant> everyHundredMillis = t -> t.plusMillis(100 - t.toEpochMilli() % 100);

        runner.runScheduled(Task.EXPORT, start, everyHundredMillis);
        runner.runScheduled(Task.EXPORT, start.plusSeconds(1), everyHundredMillis); // after a long run: catch-up
        runner.runScheduled(Task.EXPORT, Instant.now().plusSeconds(1), everyHundredMillis);

        assertThat(work.calls()).isEqualTo(3);
    }

    private static Runner runner(RecordingWork work) {
        return new Runner(work, new RunGate(), new StatusBoard("0.1.0", "UTC", "seeds", List.of(
                new JobInfo("export", "*/2 * * * * ?", "*/2 * * * * ?", false)), Clock.systemUTC()), Clock.systemUTC(),
                () -> { });
    }

    /**
     * Found by a helper's review: a state folder that is a file failed every daemon run as
     * "FileAlreadyExistsException: stfile", where export says what is wrong.
     */
    @Test
    void wordsAnIoFailureAsTheCommandLineDoes() throws IOException {
        Path file = Files.writeString(temp.resolve("state"), "a file");

        assertThat(Runner.describe(new FileAlreadyExistsException(file.toString())))
                .isEqualTo("FileAlreadyExistsException: " + file + ": a file is in the way where a folder is needed");
        assertThat(Runner.describe(new IllegalStateException("a bug", new NoSuchFileException("/x/seeds"))))
                .isEqualTo("IllegalStateException: a bug; caused by NoSuchFileException: /x/seeds: no such file or folder");
        assertThat(Runner.describe(new IOException("the disk is full"))).isEqualTo("IOException: the disk is full");
    }
}
