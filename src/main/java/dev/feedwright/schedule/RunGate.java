package dev.feedwright.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock every run of a daemon takes, whatever its job: Quartz keeps a job from overlapping
 * itself ({@code @DisallowConcurrentExecution}), this keeps an export and a link check from
 * overlapping each other. It also knows when the daemon is stopping, so that a run that has not
 * started yet never does, and it lets a stop wait for the run in progress.
 */
final class RunGate {

    private static final long POLL_MILLIS = 100;

    /** Fair, so that a link check waiting for an export goes next, before the export's next run. */
    private final ReentrantLock runLock = new ReentrantLock(true);
    private final Object activity = new Object();
    private int active;
    private volatile boolean closed;

    /**
     * Waits for the run lock.
     *
     * @return true when the caller may run (and must call {@link #leave()}), false when the gate
     *         closed first
     */
    boolean enter() throws InterruptedException {
        synchronized (activity) {
            if (closed) {
                return false;
            }
            active++;
        }
        try {
            while (!closed) {
                if (runLock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (!closed) {
                        return true;
                    }
                    runLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            done();
            throw e;
        }
        done();
        return false;
    }

    /** Ends a run that {@link #enter()} let in. */
    void leave() {
        runLock.unlock();
        done();
    }

    /** Lets no run start from now on. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits up to {@code timeout} for the run in progress (and any caller still waiting to enter) to end. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (activity) {
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(activity, left);
            }
            return true;
        }
    }

    private void done() {
        synchronized (activity) {
            active--;
            activity.notifyAll();
        }
    }
}
