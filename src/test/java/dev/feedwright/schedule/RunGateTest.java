package dev.feedwright.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon's one lock for every run, with real threads (each run enters and leaves on its own,
 * as the scheduler's do): an export and a link check never overlap, a stop lets no waiting run
 * start, and a stop waits for the run in progress.
 */
class RunGateTest {

    private final RunGate gate = new RunGate();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A run on its own thread: it tries to enter, and once let in, stays until released. */
    private final class Run {
        final CompletableFuture<Boolean> entered = new CompletableFuture<>();
        final CompletableFuture<Void> left = new CompletableFuture<>();
        private final CountDownLatch release = new CountDownLatch(1);

        Run() {
            threads.submit(() -> {
                boolean in = gate.enter();
                entered.complete(in);
                if (in) {
                    release.await();
                    gate.leave();
                }
                left.complete(null);
                return null;
            });
        }

        void release() throws Exception {
            release.countDown();
            left.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondRunWaitsUntilTheFirstLeaves() throws Exception {
        Run export = new Run();
        assertThat(export.entered.get(5, TimeUnit.SECONDS)).isTrue();

        Run linkCheck = new Run();
        Thread.sleep(300);
        assertThat(linkCheck.entered).as("a run while another is in progress").isNotDone();

        export.release();
        assertThat(linkCheck.entered.get(5, TimeUnit.SECONDS)).isTrue();
        linkCheck.release();
        assertThat(gate.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aClosedGateLetsNoRunInAndReleasesTheOneWaiting() throws Exception {
        Run export = new Run();
        assertThat(export.entered.get(5, TimeUnit.SECONDS)).isTrue();
        Run waiting = new Run();
        Thread.sleep(300);
        assertThat(gate.isClosed()).isFalse();

        gate.close();

        assertThat(gate.isClosed()).isTrue();
        assertThat(waiting.entered.get(5, TimeUnit.SECONDS)).as("the run waiting when the daemon stopped").isFalse();
        assertThat(new Run().entered.get(5, TimeUnit.SECONDS)).as("a run after the stop").isFalse();
        export.release();
        assertThat(gate.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aStopWaitsForTheRunInProgressAndGivesUpAfterItsTimeout() throws Exception {
        assertThat(gate.awaitIdle(Duration.ofMillis(50))).as("nothing running").isTrue();
        Run export = new Run();
        assertThat(export.entered.get(5, TimeUnit.SECONDS)).isTrue();
        gate.close();

        long started = System.nanoTime();
        assertThat(gate.awaitIdle(Duration.ofMillis(300))).as("the run still in progress").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.awaitIdle(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, threads);
        Thread.sleep(200);
        assertThat(idle).isNotDone();
        export.release();
        assertThat(idle.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
