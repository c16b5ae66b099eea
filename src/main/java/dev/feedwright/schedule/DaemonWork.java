package dev.feedwright.schedule;

import dev.feedwright.status.RunResult;

/**
 * The work behind the daemon's jobs. {@link PipelineWork} runs the real export and link check;
 * tests put in slow or failing work to see what the schedule makes of it. Each call is one whole
 * run that starts fresh; the daemon never runs two calls at once.
 */
public interface DaemonWork {

    /** One export; any exception is a failed run, logged and counted, after which the schedule goes on. */
    RunResult export() throws Exception;

    /** One link check, the same way. */
    RunResult checkLinks() throws Exception;
}
