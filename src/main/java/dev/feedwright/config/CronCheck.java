package dev.feedwright.config;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Checks a cron expression of the {@code schedule} section while the file is read, so that a bad
 * one is reported with its file and line. The grammar belongs to the scheduler, which hands its
 * check to {@link ConfigLoader#load(java.nio.file.Path, CronCheck)}; commands that schedule
 * nothing pass {@link #NONE}.
 */
@FunctionalInterface
public interface CronCheck {

    /** Accepts every expression: for commands that do not schedule. */
    CronCheck NONE = (expression, zone) -> Optional.empty();

    /**
     * What is wrong with {@code expression}, or empty when it is a valid cron expression that
     * fires again, read in {@code zone} (schedule.timeZone).
     */
    Optional<String> problem(String expression, ZoneId zone);
}
