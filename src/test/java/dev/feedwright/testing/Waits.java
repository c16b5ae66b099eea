package dev.feedwright.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for tests of things that happen on other threads or in other processes. */
public final class Waits {

    private static final long POLL_MILLIS = 20;

    private Waits() {
    }

    /**
     * Returns as soon as {@code condition} holds; fails naming {@code what} when it still does not
     * after {@code timeout}. Timeouts are generous: the build machine may be slow and busy.
     */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what);
            }
            sleep(Duration.ofMillis(POLL_MILLIS));
        }
    }

    /** Sleeps, failing the test when interrupted. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
