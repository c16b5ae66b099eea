package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.liveness.NetworkBreaker.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkBreakerTest {

    private static List<Decision> record(NetworkBreaker breaker, boolean... failures) {
        List<Decision> decisions = new ArrayList<>();
        for (boolean failure : failures) {
            decisions.add(breaker.record(failure));
        }
        return decisions;
    }

    private static boolean[] repeat(boolean value, int times) {
        boolean[] values = new boolean[times];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @Test
    void holdsTheFirstSampleThenReleasesItWhenHealthy() {
        NetworkBreaker breaker = new NetworkBreaker(4, 50);

        List<Decision> decisions = record(breaker, true, false, true, false, false);

        assertThat(decisions).containsExactly(Decision.HOLD, Decision.HOLD, Decision.HOLD, Decision.RELEASE,
                Decision.PASS);
        assertThat(breaker.finish()).isFalse();
    }

    @Test
    void tripsAsSoonAsTheSampleCannotEndHealthy() {
        NetworkBreaker breaker = new NetworkBreaker(50, 50);

        List<Decision> decisions = record(breaker, repeat(true, 26));

        assertThat(decisions.subList(0, 25)).containsOnly(Decision.HOLD);
        assertThat(decisions.get(25)).isEqualTo(Decision.TRIP);
        assertThat(breaker.failures()).isEqualTo(26);
        assertThat(breaker.record(false)).isEqualTo(Decision.TRIP);
    }

    @Test
    void exactlyHalfFailingIsNotMost() {
        NetworkBreaker breaker = new NetworkBreaker(10, 50);
        boolean[] half = new boolean[10];
        for (int i = 0; i < 10; i += 2) {
            half[i] = true;
        }

        List<Decision> decisions = record(breaker, half);

        assertThat(decisions.get(9)).isEqualTo(Decision.RELEASE);
        assertThat(breaker.tripped()).isFalse();
    }

    @Test
    void judgesARunSmallerThanTheSampleOnWhatItHas() {
        NetworkBreaker down = new NetworkBreaker(50, 50);
        record(down, true, true, false);
        NetworkBreaker fine = new NetworkBreaker(50, 50);
        record(fine, true, false, false);

        assertThat(down.finish()).isTrue();
        assertThat(fine.finish()).isFalse();
        assertThat(new NetworkBreaker(50, 50).finish()).isFalse();
    }

    @Test
    void tripsWhenTheNetworkGoesAwayHalfWay() {
        NetworkBreaker breaker = new NetworkBreaker(10, 50);
        record(breaker, repeat(false, 30));

        List<Decision> decisions = record(breaker, repeat(true, 6));

        assertThat(decisions.subList(0, 5)).containsOnly(Decision.PASS);
        assertThat(decisions.get(5)).isEqualTo(Decision.TRIP);
        assertThat(breaker.failures()).isEqualTo(6);
    }

    @Test
    void scatteredFailuresAfterTheSampleNeverTrip() {
        NetworkBreaker breaker = new NetworkBreaker(10, 50);
        boolean[] everyThird = new boolean[300];
        for (int i = 0; i < everyThird.length; i += 3) {
            everyThird[i] = true;
        }

        assertThat(record(breaker, everyThird)).doesNotContain(Decision.TRIP);
    }

    @Test
    void theFirstResultLeavesTheWindowWhenTheSampleMovesOn() {
        NetworkBreaker breaker = new NetworkBreaker(4, 25);

        assertThat(record(breaker, true, false, false, false))
                .containsExactly(Decision.HOLD, Decision.HOLD, Decision.HOLD, Decision.RELEASE);
        // The window is now the latest four: the first failure is out, this one in, 1 of 4.
        assertThat(breaker.record(true)).isEqualTo(Decision.PASS);
        assertThat(breaker.failures()).isEqualTo(1);
        assertThat(breaker.tripped()).isFalse();
        // Two of the latest four is more than a quarter.
        assertThat(breaker.record(true)).isEqualTo(Decision.TRIP);
        assertThat(breaker.tripped()).isTrue();
    }

    @Test
    void aFailureThatCompletesTheSampleCountsAmongTheFirst() {
        NetworkBreaker breaker = new NetworkBreaker(4, 50);

        assertThat(record(breaker, false, false, false, true)).endsWith(Decision.RELEASE);
        assertThat(breaker.failures()).isEqualTo(1);
    }

    @Test
    void takesASampleOfOneAndAnyPercentFromNoneToAll() {
        assertThat(new NetworkBreaker(1, 100).record(true)).isEqualTo(Decision.RELEASE);
        assertThat(new NetworkBreaker(1, 0).record(true)).isEqualTo(Decision.TRIP);
        assertThat(new NetworkBreaker(1, 0).record(false)).isEqualTo(Decision.RELEASE);
        assertThatThrownBy(() -> new NetworkBreaker(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkBreaker(10, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkBreaker(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
