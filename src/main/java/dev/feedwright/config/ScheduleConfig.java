package dev.feedwright.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When {@code feedwright daemon} runs what. The cron expressions are kept as written; the daemon
 * translates and checks them (see {@link CronCheck}), since only the scheduler knows their grammar.
 *
 * @param export          when to export: a 5-field crontab or a 6/7-field Quartz cron expression
 * @param checkLinks      when to check the links, the same way; used only when {@code liveness.enabled}
 * @param timeZone        the time zone the cron expressions are read in
 * @param runOnStart      export as soon as the daemon has started
 * @param watch           export when files under the corpus folder are added, changed or removed
 * @param quietPeriod     how long the corpus must stay unchanged before that export starts
 * @param shutdownTimeout how long a stop waits for a run in progress before cutting it off
 */
public record ScheduleConfig(
        String export, String checkLinks, ZoneId timeZone, boolean runOnStart, boolean watch, Duration quietPeriod,
        Duration shutdownTimeout) {

    /** Every 15 minutes. */
    public static final String DEFAULT_EXPORT = "*/15 * * * *";
    /** Every 6 hours, on the hour. */
    public static final String DEFAULT_CHECK_LINKS = "0 */6 * * *";
    public static final Duration MIN_QUIET_PERIOD = Duration.ofMillis(100);
    public static final Duration MAX_QUIET_PERIOD = Duration.ofHours(1);
    public static final Duration MAX_SHUTDOWN_TIMEOUT = Duration.ofHours(1);

    public ScheduleConfig {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(checkLinks, "checkLinks");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (quietPeriod.compareTo(MIN_QUIET_PERIOD) < 0 || quietPeriod.compareTo(MAX_QUIET_PERIOD) > 0) {
            throw new IllegalArgumentException("quietPeriod must be between 100ms and 1h, was " + quietPeriod);
        }
        if (shutdownTimeout.isNegative() || shutdownTimeout.compareTo(MAX_SHUTDOWN_TIMEOUT) > 0) {
            throw new IllegalArgumentException("shutdownTimeout must be between 0s and 1h, was " + shutdownTimeout);
        }
    }

    static ScheduleConfig defaults() {
        return new ScheduleConfig(DEFAULT_EXPORT, DEFAULT_CHECK_LINKS, ZoneId.of("UTC"), true, true,
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
}
