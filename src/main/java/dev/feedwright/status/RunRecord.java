package dev.feedwright.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run a daemon made, as its status shows it.
 *
 * @param number  the run's number since the daemon started, from 1
 * @param job     {@code export} or {@code check-links}
 * @param cause   what started it: {@code schedule}, {@code start} or {@code watch}
 * @param started when it started
 * @param ended   when it ended
 * @param result  what it reported, or null when it failed
 * @param error   why it failed (the exception and its causes), or null when it ended well
 */
public record RunRecord(long number, String job, String cause, Instant started, Instant ended, RunResult result,
        String error) {

    public RunRecord {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("a run has either a result or an error");
        }
    }

    public boolean ok() {
        return result != null;
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }

    /** The run's counts; empty for a failed run. */
    public Map<String, Long> counts() {
        return ok() ? result.counts() : Map.of();
    }
}
