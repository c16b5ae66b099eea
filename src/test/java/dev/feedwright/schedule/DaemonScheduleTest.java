package dev.feedwright.schedule;

import static dev.feedwright.schedule.DaemonTests.EVERY_SECOND;
import static dev.feedwright.schedule.DaemonTests.YEARLY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.ScheduleConfig;
import dev.feedwright.status.RunRecord;
import dev.feedwright.status.Status;
import dev.feedwright.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schedule with real Quartz and second-level cron expressions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonScheduleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(10));
        }
    }

    private Daemon start(FeedwrightConfig config, DaemonWork work) throws DaemonException {
        daemon = DaemonTests.daemon(config, work);
        daemon.start();
        return daemon;
    }

    @Test
    void neverRunsTwoAtOnceThoughBothJobsFireFasterThanTheyRun() throws Exception {
        RecordingWork work = new RecordingWork((task, number) -> Thread.sleep(700));
        FeedwrightConfig config = DaemonTests.config(temp,
                DaemonTests.schedule(EVERY_SECOND, EVERY_SECOND, true, false, Duration.ofSeconds(1)));
        start(config.withLiveness(config.liveness().toBuilder().enabled(true).build()), work);

        Waits.until(WAIT, "both jobs to run twice", () -> work.done().stream()
                .filter(call -> call.task() == Task.CHECK_LINKS).count() >= 2
                && work.done().stream().filter(call -> call.task() == Task.EXPORT).count() >= 2);

        assertThat(work.mostAtOnce()).isEqualTo(1);
        List<RecordingWork.Call> calls = work.done();
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i).started()).as("run %d starts after run %d ended", i + 1, i)
                    .isAfterOrEqualTo(calls.get(i - 1).ended());
        }
    }

    /**
     * Regression: the run at start could begin, fail and be logged as failed before the daemon
     * logged that it had started. Many folders to watch make starting slow enough for that.
     */
    @Test
    void saysItStartedBeforeTheFirstRunBegins() throws Exception {
        for (int i = 0; i < 3000; i++) {
            Files.createDirectories(temp.resolve("corpus").resolve("folder-" + i));
        }
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.feedwright.schedule");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        AtomicReference<List<String>> atFirstRun = new AtomicReference<>();
        RecordingWork work = new RecordingWork((task, number) -> {
            atFirstRun.compareAndSet(null, messages(log));
            throw new IOException("the disk is full");
        });
        FeedwrightConfig config = DaemonTests.config(temp,
                DaemonTests.schedule(YEARLY, YEARLY, true, true, Duration.ofSeconds(1)));
        // The status written as a run begins is quick once its classes are loaded: the run then
        // reaches the work while the daemon is still setting up the watch.
        DaemonTests.daemon(config, work).statusJson();
        log.start();
        logger.addAppender(log);
        // At INFO whatever an earlier test in this JVM left the root at (a command's --quiet sets
        // it to WARN): after DaemonProcessTest's in-process export the line was never logged.
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        List<String> lines;
        try {
            start(config, work);
            Waits.until(WAIT, "the first run to be logged", () -> messages(log).stream()
                    .anyMatch(line -> line.contains("FAILED")));
            lines = messages(log);
        } finally {
            logger.setLevel(level);
            logger.detachAppender(log);
        }

        assertThat(atFirstRun.get()).as("the log when the first run began")
                .anySatisfy(line -> assertThat(line).startsWith("daemon started, version test: "));
        assertThat(lines).filteredOn(line -> line.startsWith("daemon started") || line.contains("FAILED"))
                .hasSize(2).first().asString().startsWith("daemon started, version test: ");
    }

    private static List<String> messages(
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void aFailedRunIsCountedAndTheScheduleGoesOn() throws Exception {
        RecordingWork work = new RecordingWork((task, number) -> {
            if (number == 1) {
                throw new IOException("the disk is full");
            }
            if (number == 2) {
                throw new IllegalStateException("a bug", new ArithmeticException("/ by zero"));
            }
        });
        start(DaemonTests.config(temp, DaemonTests.schedule(EVERY_SECOND, YEARLY, true, false, Duration.ofSeconds(1))),
                work);

        Waits.until(WAIT, "a third run to end", () -> daemon.status().lastRuns().size() >= 3);

        List<RunRecord> runs = new ArrayList<>(daemon.status().lastRuns());
        Collections.reverse(runs);
        assertThat(runs.get(0).ok()).isFalse();
        assertThat(runs.get(0).error()).isEqualTo("IOException: the disk is full");
        assertThat(runs.get(1).error()).isEqualTo("IllegalStateException: a bug; caused by ArithmeticException:"
                + " / by zero");
        assertThat(runs.get(2).ok()).isTrue();
        Status.JobStatus export = daemon.status().jobs().get(0);
        assertThat(export.failures()).isEqualTo(2);
        assertThat(export.consecutiveFailures()).isZero();
        assertThat(export.nextFireTime()).isAfter(runs.get(2).started());
        assertThat(daemon.status().failures()).isEqualTo(2);
    }

    @Test
    void missedFireTimesGiveOneCatchUpRunNotABurst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Instant> released = new AtomicReference<>();
        RecordingWork work = new RecordingWork((task, number) -> {
            if (number == 1) {
                release.await(30, TimeUnit.SECONDS);
                released.set(Instant.now());
            }
        });
        start(DaemonTests.config(temp, DaemonTests.schedule(EVERY_SECOND, YEARLY, false, false, Duration.ofSeconds(1))),
                work);
        Waits.until(WAIT, "the first run to start", () -> work.calls() == 1);
        // Three fire times or more go by while the first run hangs; let go 300 ms after a whole second,
        // so that the next fire time on the schedule is 700 ms away.
        Waits.sleep(Duration.ofMillis(3300));
        Waits.sleep(Duration.ofMillis(1300 - System.currentTimeMillis() % 1000));
        release.countDown();
        Waits.until(WAIT, "the first run to end", () -> released.get() != null);
        Waits.sleep(Duration.ofMillis(2500));

        Instant from = released.get();
        List<Instant> after = work.starts().stream().filter(start -> !start.isBefore(from)).toList();
        long inFirstSecond = after.stream().filter(start -> start.isBefore(from.plusMillis(1400))).count();
        // One catch-up run at once and the one the schedule holds 700 ms later; a burst would run every missed
        // fire time back to back.
        assertThat(inFirstSecond).as("runs in the 1.4 s after the long run: %s", after).isBetween(1L, 2L);
        assertThat(after.get(0)).isBefore(from.plusMillis(1000));
    }

    @Test
    void writesTheStatusFileWithTheNextFireTimes() throws Exception {
        RecordingWork work = new RecordingWork();
        start(DaemonTests.config(temp, DaemonTests.schedule(YEARLY, YEARLY, true, false, Duration.ofSeconds(1))),
                work);
        Path file = temp.resolve("state").resolve("status.json");

        Waits.until(WAIT, "the run on start to be in the status file", () -> Files.exists(file)
                && read(file).get("lastRuns").size() == 1);

        JsonNode status = read(file);
        assertThat(status.get("state").asString()).isEqualTo("running");
        assertThat(status.get("lastRuns").get(0).get("cause").asString()).isEqualTo("start");
        assertThat(status.get("jobs").get("export").get("nextFireTime").asString()).endsWith("-01-01T00:00:00Z");
        assertThat(status.get("jobs").get("check-links").get("enabled").asBoolean()).isFalse();
        assertThat(status.get("jobs").get("check-links").get("nextFireTime").isNull()).isTrue();

        assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();

        assertThat(read(file).get("state").asString()).isEqualTo("stopped");
        assertThat(read(file).get("jobs").get("export").get("nextFireTime").isNull()).isTrue();
    }

    /** Regression: the status written at start, taken before the first run began, replaced the run's status. */
    @Test
    void theStatusFileShowsTheRunInProgress() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        RecordingWork work = new RecordingWork((task, number) -> end.await(30, TimeUnit.SECONDS));
        start(DaemonTests.config(temp, DaemonTests.schedule(YEARLY, YEARLY, true, false, Duration.ofSeconds(1))),
                work);
        Path file = temp.resolve("state").resolve("status.json");

        Waits.until(WAIT, "the run to show in the status file", () -> Files.exists(file)
                && read(file).get("running").isObject());
        Waits.sleep(Duration.ofMillis(300));

        JsonNode running = read(file).get("running");
        assertThat(running.get("job").asString()).isEqualTo("export");
        assertThat(running.get("cause").asString()).isEqualTo("start");
        end.countDown();
        Waits.until(WAIT, "the run to end in the status file", () -> read(file).get("running").isNull());
        assertThat(read(file).get("lastRuns").get(0).get("outcome").asString()).isEqualTo("ok");
    }

    @Test
    void stopWaitsForTheRunInProgressAndStartsNoOther() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        RecordingWork work = new RecordingWork((task, number) -> {
            started.countDown();
            Thread.sleep(1500);
        });
        start(DaemonTests.config(temp, DaemonTests.schedule(EVERY_SECOND, YEARLY, true, false, Duration.ofSeconds(1))),
                work);
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        boolean finished = daemon.stop(Duration.ofSeconds(15));
        int calls = work.calls();
        Waits.sleep(Duration.ofMillis(1500));

        assertThat(finished).isTrue();
        assertThat(work.done()).hasSize(calls);
        assertThat(work.calls()).isEqualTo(calls);
        assertThat(daemon.status().state()).isEqualTo("stopped");
    }

    @Test
    void stopGivesUpOnARunLongerThanTheTimeout() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        startWithARunThatWaitsFor(end);
        long before = System.nanoTime();

        boolean finished = daemon.stop(Duration.ofMillis(500));

        assertThat(finished).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(daemon.status().running()).isNotNull();

        end.countDown();
        Path file = temp.resolve("state").resolve("status.json");
        Waits.until(WAIT, "the run to end and show in the status file", () -> read(file).get("lastRuns").size() == 1);

        assertThat(read(file).get("state").asString()).isEqualTo("stopped");
    }

    /** Regression: status.json said "running" for as long as a stop waited for the run in progress. */
    @Test
    void theStatusFileSaysStoppingWhileAStopWaitsForTheRun() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        startWithARunThatWaitsFor(end);
        Path file = temp.resolve("state").resolve("status.json");
        Thread stopping = new Thread(() -> daemon.stop(Duration.ofSeconds(20)));
        stopping.start();
        try {
            Waits.until(WAIT, "the stop to begin", () -> daemon.status().state().equals("stopping"));
            Waits.until(WAIT, "the status file to say so", () -> read(file).get("state").asString().equals("stopping"));

            assertThat(read(file).get("running").get("cause").asString()).isEqualTo("start");
        } finally {
            end.countDown();
            stopping.join();
        }
        assertThat(read(file).get("state").asString()).isEqualTo("stopped");
    }

    /** Starts the daemon with a run on start that goes on until {@code end}, and waits for it to begin. */
    private void startWithARunThatWaitsFor(CountDownLatch end) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        RecordingWork work = new RecordingWork((task, number) -> {
            started.countDown();
            end.await(30, TimeUnit.SECONDS);
        });
        start(DaemonTests.config(temp, DaemonTests.schedule(YEARLY, YEARLY, true, false, Duration.ofSeconds(1))),
                work);
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    }

    private static JsonNode read(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Regression: a zone named as an offset from UTC ({@code UTC+2}) was read as UTC itself, two hours off. */
    @Test
    void readsTheScheduleInAZoneNamedAsAnOffsetFromUtc() throws Exception {
        ScheduleConfig schedule = DaemonTests.schedule(YEARLY, YEARLY, false, false, Duration.ofSeconds(1));
        start(DaemonTests.config(temp, new ScheduleConfig(schedule.export(), schedule.checkLinks(),
                ZoneId.of("UTC+2"), false, false, schedule.quietPeriod(), schedule.shutdownTimeout())),
                new RecordingWork());

        Instant next = daemon.status().jobs().get(0).nextFireTime();

        int year = next.atOffset(ZoneOffset.ofHours(2)).getYear();
        assertThat(next).isEqualTo(LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.ofHours(2)));
    }
}
