package dev.feedwright.schedule;

import dev.feedwright.pipeline.IoFailures;
import dev.feedwright.status.RunRecord;
import dev.feedwright.status.RunResult;
import dev.feedwright.status.Status;
import dev.feedwright.status.StatusBoard;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one run of a task: through the {@link RunGate}, onto the {@link StatusBoard}, into one log
 * line, whatever the work throws. A failed run is logged with its cause and counted; nothing of it
 * is kept for the next run, and the schedule goes on.
 */
final class Runner {

    /** What started a run. */
    static final String SCHEDULE = "schedule";
    static final String START = "start";
    static final String WATCH = "watch";

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    private final DaemonWork work;
    private final RunGate gate;
    private final StatusBoard board;
    private final Clock clock;
    private final Runnable statusChanged;
    /** A run the watcher asked for has not started yet: more changes need no further run. */
    private final AtomicBoolean watchRunPending = new AtomicBoolean();
    /** Per task, when its last run started, by the system clock as Quartz keeps it. */
    private final Map<Task, Instant> lastStarts = new ConcurrentHashMap<>();

    /** @param statusChanged called when a run starts and when it ends, to write the status file */
    Runner(DaemonWork work, RunGate gate, StatusBoard board, Clock clock, Runnable statusChanged) {
        this.work = work;
        this.gate = gate;
        this.board = board;
        this.clock = clock;
        this.statusChanged = statusChanged;
    }

    /** True when the watcher should ask for a run; false when one it asked for is still to start. */
    boolean claimWatchRun() {
        return watchRunPending.compareAndSet(false, true);
    }

    /** Gives up a claim whose run could not be asked for. */
    void releaseWatchRun() {
        watchRunPending.set(false);
    }

    /**
     * Runs {@code task} for a fire time of its schedule, unless a run of it started since the
     * last fire time due: a catch-up of missed fire times (the machine slept) that comes after a
     * run which started when they were already missed covers nothing. Quartz may hand on both a
     * fire time it took before a pause and its own catch-up of the ones missed during it, one
     * after the other.
     *
     * @param scheduled     when the fire time was due (for a catch-up: when Quartz found the times missed)
     * @param nextFireAfter the schedule's first fire time after an instant
     */
    void runScheduled(Task task, Instant scheduled, UnaryOperator<Instant> nextFireAfter) {
        Instant lastStart = lastStarts.get(task);
        if (lastStart != null && nextFireAfter.apply(lastStart).isAfter(scheduled)) {
            LOG.info("{} ({}) due at {} skipped: the run that started at {} covered it", task.id(), SCHEDULE,
                    scheduled.truncatedTo(ChronoUnit.MILLIS), lastStart.truncatedTo(ChronoUnit.MILLIS));
            return;
        }
        run(task, SCHEDULE);
    }

    /** Runs {@code task} unless the daemon stops first; never throws. */
    void run(Task task, String cause) {
        try {
            if (!gate.enter()) {
                LOG.info("{} ({}) not started: the daemon is stopping", task.id(), cause);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (cause.equals(WATCH)) {
                watchRunPending.set(false);
            }
            lastStarts.put(task, Instant.now());
            runInside(task, cause);
            // Inside the gate, so that a stop that waited for this run writes the last status.
            statusChanged.run();
        } finally {
            gate.leave();
        }
    }

    private void runInside(Task task, String cause) {
        Instant started = clock.instant();
        long number = board.begin(task.id(), cause, started);
        statusChanged.run();
        RunResult result = null;
        Throwable failure = null;
        try {
            result = task == Task.EXPORT ? work.export() : work.checkLinks();
        } catch (Throwable e) {
            // Anything at all, even an Error: the run failed, the daemon goes on with its schedule.
            failure = e;
        }
        RunRecord run = new RunRecord(number, task.id(), cause, started, clock.instant(), result,
                failure == null ? null : describe(failure));
        Status.JobStatus counts = board.end(run);
        if (run.ok()) {
            LOG.info("{}: ok in {}: {}", name(run), timing(run), run.result().summary());
        } else {
            String line = String.format(Locale.ROOT, "%s: FAILED after %s: %s; %d failure%s in a row, %d in total;"
                    + " the schedule goes on", name(run), timing(run), run.error(), counts.consecutiveFailures(),
                    counts.consecutiveFailures() == 1 ? "" : "s", counts.failures());
            if (failure instanceof IOException) {
                LOG.error(line);
            } else {
                LOG.error(line, failure);
            }
        }
    }

    private static String name(RunRecord run) {
        return run.job() + " run " + run.number() + " (" + run.cause() + ")";
    }

    private static String timing(RunRecord run) {
        Duration elapsed = run.duration();
        return String.format(Locale.ROOT, "%.2f s (%s to %s)", elapsed.toNanos() / 1e9,
                run.started().truncatedTo(ChronoUnit.MILLIS), run.ended().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The failure and its causes, each as its class's simple name and message; an I/O failure's in
     * the words the command line uses ({@code FileAlreadyExistsException: state: a file is in the
     * way where a folder is needed}).
     */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable e = failure; e != null && depth < 5; e = e.getCause(), depth++) {
            if (depth > 0) {
                text.append("; caused by ");
            }
            text.append(e.getClass().getSimpleName());
            String message = e instanceof IOException io ? IoFailures.describe(io) : e.getMessage();
            if (message != null) {
                text.append(": ").append(message);
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return text.toString();
    }
}
