package dev.feedwright.liveness;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time for the checker: a monotonic clock and delayed tasks (retries, {@code Retry-After}, the
 * pause between two requests to one host). Tests substitute one that records the delays asked
 * for and does not make the test wait them out.
 */
interface Scheduler extends AutoCloseable {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now (at once when not positive). */
    void schedule(Runnable task, long delayNanos);

    @Override
    void close();

    /** Real time, on one daemon thread. */
    static Scheduler system() {
        return new SystemScheduler();
    }

    /** The real scheduler: one daemon thread that only hands tasks on. */
    final class SystemScheduler implements Scheduler {

        private final ScheduledThreadPoolExecutor executor;

        SystemScheduler() {
            executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "feedwright-liveness-timer");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            if (delayNanos <= 0) {
                task.run();
            } else {
                executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
