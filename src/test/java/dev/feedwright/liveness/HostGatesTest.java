package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostGatesTest {

    /** Runs tasks at once and records the delays asked for; time stands still unless a test moves it. */
    private static final class StillTime implements Scheduler {
        final List<Long> delays = new ArrayList<>();
        long now = 1_000;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            delays.add(delayNanos);
            task.run();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void queuesWorkBeyondThePerHostLimitUntilAPlaceIsReleased() {
        HostGates gates = new HostGates(2, 0, new StillTime());
        List<String> started = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            String name = "a" + i;
            gates.enqueue("a.example", () -> started.add(name));
        }
        gates.enqueue("b.example", () -> started.add("b0"));

        assertThat(started).containsExactly("a0", "a1", "b0");
        gates.release("a.example");
        assertThat(started).containsExactly("a0", "a1", "b0", "a2");
    }

    @Test
    void droppingAHostForgetsItsWaitingWorkButNotOtherHosts() {
        HostGates gates = new HostGates(1, 0, new StillTime());
        List<String> started = new ArrayList<>();
        gates.enqueue("silent.example", () -> started.add("s0"));
        gates.enqueue("silent.example", () -> started.add("s1"));
        gates.enqueue("b.example", () -> started.add("b0"));
        gates.enqueue("b.example", () -> started.add("b1"));

        gates.drop("silent.example");
        gates.release("silent.example"); // the request in flight ends
        gates.release("b.example");

        assertThat(started).containsExactly("s0", "b0", "b1");
    }

    @Test
    void spacesStartsByTheIntervalAndByAPause() {
        StillTime time = new StillTime();
        HostGates gates = new HostGates(10, 100, time);

        gates.enqueue("a.example", () -> { });
        gates.enqueue("a.example", () -> { });
        gates.pause("a.example", 1_000 + 5_000);
        gates.enqueue("a.example", () -> { });

        assertThat(time.delays).containsExactly(0L, 100L, 5_000L);
    }

    @Test
    void forgetsAHostOnceItIsIdle() {
        HostGates gates = new HostGates(1, 0, new StillTime());

        gates.enqueue("a.example", () -> { });
        assertThat(gates.size()).isEqualTo(1);
        gates.release("a.example");

        assertThat(gates.size()).isZero();
    }

    @Test
    void forgetsHostsWhoseIntervalHasPassedThoughNoRequestComesForThemAgain() {
        StillTime time = new StillTime();
        HostGates gates = new HostGates(4, 100, time);
        // A corpus of many outlets, one link each: every host's next start is still ahead when its
        // only request ends, so it is kept for now.
        for (int i = 0; i < 1_000; i++) {
            gates.enqueue("h" + i + ".example", () -> { });
            gates.release("h" + i + ".example");
        }
        assertThat(gates.size()).isEqualTo(1_000);

        time.now += 1_000;
        for (int i = 0; i < 24; i++) {
            gates.enqueue("late" + i + ".example", () -> { });
            gates.release("late" + i + ".example");
        }

        // Every 1,024 ends the hosts whose interval has passed are forgotten: the first thousand.
        assertThat(gates.size()).isEqualTo(24);
    }
}
