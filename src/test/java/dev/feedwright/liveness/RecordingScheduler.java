package dev.feedwright.liveness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scheduler that records every positive delay asked of it and runs the task at once, so that
 * tests of retries and {@code Retry-After} check the waits without sitting through them.
 */
final class RecordingScheduler implements Scheduler {

    private final Scheduler real = Scheduler.system();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public long nanoTime() {
        return real.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        if (delayNanos > 0) {
            synchronized (delays) {
                delays.add(Duration.ofNanos(delayNanos));
            }
        }
        real.schedule(task, 0);
    }

    /** The positive delays asked for so far, in order. */
    List<Duration> delays() {
        synchronized (delays) {
            return List.copyOf(delays);
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
