package dev.feedwright.status;

import java.time.Instant;
import java.util.List;

/**
 * A daemon's status at one moment: what {@code GET /status} and {@code state/status.json} show.
 *
 * @param state       {@code starting}, {@code running}, {@code stopping} or {@code stopped}
 * @param version     the program's version, with its code's identity when known ({@code 0.1.0 (code 1a2b…)}),
 *                    so that a daemon still running the build before an update can be told apart
 * @param pid         the process id
 * @param startedAt   when the daemon started
 * @param now         when this status was taken
 * @param timeZone    the time zone the cron expressions are read in
 * @param watching    the corpus folder watched for changes, or null when not watching
 * @param jobs        every job with its schedule and counts
 * @param running     the run in progress, or null
 * @param failures    failed runs since the daemon started, over every job
 * @param lastRuns    the latest runs, newest first, at most {@link StatusBoard#RECENT_RUNS}
 */
public record Status(String state, String version, long pid, Instant startedAt, Instant now, String timeZone,
        String watching, List<JobStatus> jobs, Running running, long failures, List<RunRecord> lastRuns) {

    public Status {
        jobs = List.copyOf(jobs);
        lastRuns = List.copyOf(lastRuns);
    }

    /**
     * One job's schedule and counts.
     *
     * @param info                its name and cron expression
     * @param nextFireTime        when the schedule runs it next, or null when it is not scheduled
     * @param runs                runs that ended, well or not
     * @param failures            runs that failed
     * @param consecutiveFailures runs that failed since the last one that ended well
     * @param lastSuccess         when the last run that ended well ended, or null
     */
    public record JobStatus(JobInfo info, Instant nextFireTime, long runs, long failures, long consecutiveFailures,
            Instant lastSuccess) {
    }

    /** The run in progress. */
    public record Running(long number, String job, String cause, Instant started) {
    }
}
