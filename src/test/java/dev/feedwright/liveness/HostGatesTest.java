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
            gates.enqueue("a.example", at -> started.add(name));
        }
        gates.enqueue("b.example", at -> started.add("b0"));

        assertThat(started).containsExactly("a0", "a1", "b0");
        gates.release("a.example");
        assertThat(started).containsExactly("a0", "a1", "b0", "a2");
    }

    @Test
    void droppingAHostForgetsItsWaitingWorkButNotOtherHosts() {
        HostGates gates = new HostGates(1, 0, new StillTime());
        List<String> started = new ArrayList<>();
        gates.enqueue("silent.example", at -> started.add("s0"));
        gates.enqueue("silent.example", at -> started.add("s1"));
        gates.enqueue("b.example", at -> started.add("b0"));
        gates.enqueue("b.example", at -> started.add("b1"));

        gates.drop("silent.example");
        gates.release("silent.example"); // the request in flight ends
        gates.release("b.example");

        assertThat(started).containsExactly("s0", "b0", "b1");
    }

    @Test
    void spacesStartsByTheIntervalAndByAPause() {
        StillTime time = new StillTime();
        HostGates gates = new HostGates(10, 100, time);

        gates.enqueue("a.example", at -> { });
        gates.enqueue("a.example", at -> { });
        gates.pause("a.example", 1_000 + 5_000);
        gates.enqueue("a.example", at -> { });

        assertThat(time.delays).containsExactly(0L, 100L, 5_000L);
    }

    @Test
    void aRequestThatStartsLateWaitsForTheIntervalAfterTheOneBeforeIt() {
        StillTime time = new StillTime();
        HostGates gates = new HostGates(3, 100_000_000, time);
        List<Long> turns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            gates.enqueue("a.example", turns::add);
        }
        assertThat(turns).containsExactly(1_000L, 100_001_000L, 200_001_000L);

        time.now = 900_000_000; // every worker was busy: all three reach one now
        assertThat(gates.begin("a.example", turns.get(0))).isZero();
        assertThat(gates.begin("a.example", turns.get(1))).isEqualTo(100_000_000L);
        assertThat(gates.begin("a.example", turns.get(2))).isEqualTo(200_000_000L);

        gates.release("a.example");
        gates.enqueue("a.example", turns::add); // the next turn comes after the ones kept
        assertThat(turns.get(3)).isEqualTo(1_200_000_000L);
    }

    @Test
    void aRequestOnTimeOrAPauseSetAfterItWasHandedOut() {
        StillTime time = new StillTime();
        HostGates gates = new HostGates(2, 100, time);
        List<Long> turns = new ArrayList<>();
        gates.enqueue("a.example", turns::add);
        gates.enqueue("a.example", turns::add);

        assertThat(gates.begin("a.example", turns.get(0))).isZero();
        gates.pause("a.example", 1_000 + 50_000_000);
        time.now = turns.get(1);
        assertThat(gates.begin("a.example", turns.get(1))).isEqualTo(50_000_000L - 100);
    }

    @Test
    void aPauseHoldsARequestToTheNanosecondAndARequestHeldMeanwhileIsRebookedAfterIt() {
        StillTime time = new StillTime();
        HostGates gates = new HostGates(2, 100, time);
        List<Long> turns = new ArrayList<>();
        gates.enqueue("a.example", turns::add);
        gates.enqueue("a.example", turns::add);
        gates.pause("a.example", 1_000 + 2_000_000); // 2 ms: within the slack a late start is allowed

        assertThat(gates.begin("a.example", turns.get(0))).isEqualTo(2_000_000L);
        assertThat(gates.pausedUntil("a.example")).isEqualTo(2_001_000L);
        // Found by a helper's review: a request waiting for its turn when an answer paused the host
        // went at its old turn; it takes one after the pause.
        gates.pause("a.example", 1_000 + 30_000_000_000L);
        assertThat(gates.rebook("a.example")).isEqualTo(30_000_000_000L);
        assertThat(gates.rebook("a.example")).isEqualTo(30_000_000_100L);
    }

    @Test
    void forgetsAHostOnceItIsIdle() {
        HostGates gates = new HostGates(1, 0, new StillTime());

        gates.enqueue("a.example", at -> { });
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
            gates.enqueue("h" + i + ".example", at -> { });
            gates.release("h" + i + ".example");
        }
        assertThat(gates.size()).isEqualTo(1_000);

        time.now += 1_000;
        for (int i = 0; i < 24; i++) {
            gates.enqueue("late" + i + ".example", at -> { });
            gates.release("late" + i + ".example");
        }

        // Every 1,024 ends the hosts whose interval has passed are forgotten: the first thousand.
        assertThat(gates.size()).isEqualTo(24);
    }
}
