package dev.feedwright.status;

import java.util.Objects;

/**
 * A scheduled job as its status shows it.
 *
 * @param name       {@code export} or {@code check-links}
 * @param cron       the cron expression as configured
 * @param quartzCron the same in Quartz's form, as the scheduler reads it
 * @param enabled    false for a job that is not scheduled (the link check without {@code liveness.enabled})
 */
public record JobInfo(String name, String cron, String quartzCron, boolean enabled) {

    public JobInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(quartzCron, "quartzCron");
    }
}
