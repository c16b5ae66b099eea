package dev.feedwright.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a daemon has done, kept up to date by its runs and read by the status endpoint and file.
 * Thread-safe: runs report from the scheduler's threads while requests read from the server's.
 */
public final class StatusBoard {

    /** Runs kept for the status, newest first. */
    public static final int RECENT_RUNS = 20;

    private final String version;
    private final String timeZone;
    private final String watching;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Counts> jobs = new LinkedHashMap<>();
    private final Deque<RunRecord> recent = new ArrayDeque<>();
    private volatile Function<String, Instant> nextFireTimes = job -> null;
    private String state = "starting";
    private Status.Running running;
    private long lastNumber;
    private long failures;

    /**
     * @param version  the program's version as shown (with its code's identity, see {@link Status})
     * @param timeZone the time zone of the schedule
     * @param watching the corpus folder watched, or null
     * @param jobs     the jobs, in the order shown
     */
    public StatusBoard(String version, String timeZone, String watching, List<JobInfo> jobs, Clock clock) {
        this.version = Objects.requireNonNull(version, "version");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.watching = watching;
        this.clock = clock;
        this.startedAt = clock.instant();
        for (JobInfo job : jobs) {
            this.jobs.put(job.name(), new Counts(job));
        }
    }

    /** Where the status finds each job's next fire time (null when none): the scheduler, once it runs. */
    public void nextFireTimes(Function<String, Instant> source) {
        this.nextFireTimes = Objects.requireNonNull(source, "source");
    }

    public synchronized void state(String newState) {
        this.state = newState;
    }

    /** Notes that a run started; returns its number. */
    public synchronized long begin(String job, String cause, Instant started) {
        counts(job);
        lastNumber++;
        running = new Status.Running(lastNumber, job, cause, started);
        return lastNumber;
    }

    /**
     * Notes that a run ended.
     *
     * @return the job's counts after it, for the run's log line
     */
    public synchronized Status.JobStatus end(RunRecord run) {
        Counts counts = counts(run.job());
        if (running != null && running.number() == run.number()) {
            running = null;
        }
        counts.runs++;
        if (run.ok()) {
            counts.consecutiveFailures = 0;
            counts.lastSuccess = run.ended();
        } else {
            counts.failures++;
            counts.consecutiveFailures++;
            failures++;
        }
        recent.addFirst(run);
        while (recent.size() > RECENT_RUNS) {
            recent.removeLast();
        }
        return counts.toStatus(null);
    }

    /** The status now. */
    public Status snapshot() {
        Function<String, Instant> next = nextFireTimes;
        Map<String, Instant> fireTimes = new LinkedHashMap<>();
        for (String job : jobNames()) {
            fireTimes.put(job, next.apply(job));
        }
        synchronized (this) {
            List<Status.JobStatus> jobStatus = new ArrayList<>();
            for (Counts counts : jobs.values()) {
                jobStatus.add(counts.toStatus(fireTimes.get(counts.info.name())));
            }
            return new Status(state, version, ProcessHandle.current().pid(), startedAt, clock.instant(), timeZone,
                    watching, jobStatus, running, failures, new ArrayList<>(recent));
        }
    }

    private synchronized List<String> jobNames() {
        return new ArrayList<>(jobs.keySet());
    }

    private Counts counts(String job) {
        Counts counts = jobs.get(job);
        if (counts == null) {
            throw new IllegalArgumentException("no job named '" + job + "', only " + jobs.keySet());
        }
        return counts;
    }

    /** One job's counts; guarded by the board. */
    private static final class Counts {
        final JobInfo info;
        long runs;
        long failures;
        long consecutiveFailures;
        Instant lastSuccess;

        Counts(JobInfo info) {
            this.info = info;
        }

        Status.JobStatus toStatus(Instant nextFireTime) {
            return new Status.JobStatus(info, nextFireTime, runs, failures, consecutiveFailures, lastSuccess);
        }
    }
}
