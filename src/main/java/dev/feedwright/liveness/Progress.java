package dev.feedwright.liveness;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a link check has come: a progress bar with counts and rate on an interactive
 * terminal, a log line every {@code liveness.progressInterval} otherwise (cron, CI, a pipe).
 * Called from many threads.
 */
public interface Progress extends AutoCloseable {

    /** The check begins; {@code total} links are due. */
    void start(long total);

    /** {@code done} links are finished; {@code counts} says how they ended, in a few words. */
    void update(long done, String counts);

    @Override
    void close();

    /** Shows nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public void start(long total) {
            }

            @Override
            public void update(long done, String counts) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A bar on an interactive terminal, else log lines every {@code interval}. */
    static Progress forConsole(boolean interactive, Duration interval) {
        return interactive ? new Bar() : new LogLines(interval);
    }

    /** A progress bar on standard error, from the progressbar library. */
    final class Bar implements Progress {
        private ProgressBar bar;

        @Override
        public synchronized void start(long total) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Checking links")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .showSpeed()
                    .build();
        }

        @Override
        public synchronized void update(long done, String counts) {
            if (bar != null) {
                bar.stepTo(done);
                bar.setExtraMessage(" " + counts);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    /** One log line every interval at most, with counts and rate. */
    final class LogLines implements Progress {
        private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

        private final long intervalNanos;
        private long total;
        private long started;
        private long lastLine;

        LogLines(Duration interval) {
            this.intervalNanos = interval.toNanos();
        }

        @Override
        public synchronized void start(long newTotal) {
            total = newTotal;
            started = System.nanoTime();
            lastLine = started;
        }

        @Override
        public synchronized void update(long done, String counts) {
            long now = System.nanoTime();
            if (now - lastLine < intervalNanos) {
                return;
            }
            lastLine = now;
            double seconds = Math.max(1e-9, (now - started) / 1e9);
            LOG.info("check-links: {} of {} links checked, {} links/s; {}", done, total,
                    String.format(Locale.ROOT, "%.1f", done / seconds), counts);
        }

        @Override
        public void close() {
        }
    }
}
