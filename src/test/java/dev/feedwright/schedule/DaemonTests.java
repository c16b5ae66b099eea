package dev.feedwright.schedule;

import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.ScheduleConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** Settings and daemons for the schedule tests: every path under a test's own folder. */
final class DaemonTests {

    /** Every second, in Quartz's form. */
    static final String EVERY_SECOND = "* * * * * ?";
    /** Once a year: a schedule that never fires during a test. */
    static final String YEARLY = "0 0 0 1 1 ?";

    private DaemonTests() {
    }

    static FeedwrightConfig config(Path temp, ScheduleConfig schedule) {
        return FeedwrightConfig.defaults()
                .withCorpusDir(temp.resolve("corpus"))
                .withOutputDir(temp.resolve("feeds"))
                .withStateDir(temp.resolve("state"))
                .withSchedule(schedule);
    }

    static ScheduleConfig schedule(String export, String checkLinks, boolean runOnStart, boolean watch,
            Duration quietPeriod) {
        return new ScheduleConfig(export, checkLinks, ZoneId.of("UTC"), runOnStart, watch, quietPeriod,
                Duration.ofSeconds(10));
    }

    static Daemon daemon(FeedwrightConfig config, DaemonWork work) {
        return new Daemon(config, "test", work, Clock.systemUTC());
    }
}
