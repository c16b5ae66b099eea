package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.liveness.NetworkBreaker.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkBreakerTest {

    private int hosts;

    /** Records results each from a host of its own, as when the network itself fails. */
    private List<Decision> record(NetworkBreaker breaker, boolean... failures) {
        List<Decision> decisions = new ArrayList<>();
        for (boolean failure : failures) {
            decisions.add(breaker.record(failure, "host-" + hosts++ + ".example"));
        }
        return decisions;
    }

    /** Records results all from {@code host}. */
    private static List<Decision> recordFrom(NetworkBreaker breaker, String host, boolean... failures) {
        List<Decision> decisions = new ArrayList<>();
        for (boolean failure : failures) {
            decisions.add(breaker.record(failure, host));
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
        assertThat(record(breaker, false)).containsExactly(Decision.TRIP);
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
        assertThat(record(breaker, true)).containsExactly(Decision.PASS);
        assertThat(breaker.failures()).isEqualTo(1);
        assertThat(breaker.tripped()).isFalse();
        // Two of the latest four is more than a quarter.
        assertThat(record(breaker, true)).containsExactly(Decision.TRIP);
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
        assertThat(record(new NetworkBreaker(1, 100), true)).containsExactly(Decision.RELEASE);
        assertThat(record(new NetworkBreaker(1, 0), true)).containsExactly(Decision.TRIP);
        assertThat(record(new NetworkBreaker(1, 0), false)).containsExactly(Decision.RELEASE);
        assertThatThrownBy(() -> new NetworkBreaker(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkBreaker(10, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkBreaker(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneHostsFailuresWhileAnotherHostAnswersAreNotTheNetworks() {
        // A small corpus, one outlet of which refuses connections: its other links are written.
        NetworkBreaker small = new NetworkBreaker(50, 50);
        recordFrom(small, "down.example", true, true, true);
        recordFrom(small, "up.example", false, false);
        NetworkBreaker alone = new NetworkBreaker(50, 50);
        recordFrom(alone, "down.example", true, true, true);
        NetworkBreaker two = new NetworkBreaker(50, 50);
        recordFrom(two, "down.example", true, true);
        recordFrom(two, "also-down.example", true);
        recordFrom(two, "up.example", false, false);

        assertThat(small.finish()).isFalse();
        assertThat(alone.finish()).as("no host answered").isTrue();
        assertThat(two.finish()).as("two hosts failed").isTrue();
    }

    @Test
    void oneHostFailingMostOfTheFirstSampleWaitsForTheRestOfIt() {
        NetworkBreaker oneHost = new NetworkBreaker(10, 50);
        NetworkBreaker twoHosts = new NetworkBreaker(10, 50);

        assertThat(recordFrom(oneHost, "down.example", repeat(true, 8))).containsOnly(Decision.HOLD);
        assertThat(recordFrom(oneHost, "up.example", false, false)).containsExactly(Decision.HOLD, Decision.RELEASE);
        recordFrom(twoHosts, "down.example", repeat(true, 5));
        assertThat(recordFrom(twoHosts, "also-down.example", true)).containsExactly(Decision.TRIP);
        assertThat(twoHosts.failures()).isEqualTo(6);
    }

    @Test
    void afterTheSampleOneHostTripsOnlyWhenNothingElseInTheWindowAnswered() {
        NetworkBreaker breaker = new NetworkBreaker(10, 50);
        record(breaker, repeat(false, 10));

        assertThat(recordFrom(breaker, "down.example", repeat(true, 9))).containsOnly(Decision.PASS);
        assertThat(breaker.failures()).isEqualTo(9);
        // The tenth leaves no answer in the latest ten.
        assertThat(recordFrom(breaker, "down.example", true)).containsExactly(Decision.TRIP);

        NetworkBreaker mixed = new NetworkBreaker(10, 50);
        record(mixed, repeat(false, 10));
        recordFrom(mixed, "down.example", repeat(true, 5));
        assertThat(recordFrom(mixed, "up.example", false)).containsExactly(Decision.PASS);
        assertThat(recordFrom(mixed, "also-down.example", true)).as("6 of 10, two hosts").containsExactly(Decision.TRIP);
    }

    @Test
    void aHostLeavesTheWindowWithItsLastFailure() {
        NetworkBreaker breaker = new NetworkBreaker(4, 50);
        recordFrom(breaker, "gone.example", true);
        record(breaker, false, false, false);

        // gone.example's failure has left the window: two failures of one host and two answers.
        recordFrom(breaker, "down.example", true);
        assertThat(recordFrom(breaker, "down.example", true)).containsExactly(Decision.PASS);
        assertThat(recordFrom(breaker, "down.example", true)).as("3 of 4, one host").containsExactly(Decision.PASS);
        assertThat(record(breaker, true)).as("4 of 4").containsExactly(Decision.TRIP);
    }

    @Test
    void aHostWithTwoFailuresInTheWindowStaysInItUntilBothHaveLeft() {
        NetworkBreaker breaker = new NetworkBreaker(4, 50);
        recordFrom(breaker, "gone.example", true, true);
        record(breaker, false, false);

        // gone.example's failures leave one by one; then three of one host among the latest four.
        record(breaker, false);
        assertThat(breaker.failures()).isEqualTo(1);
        record(breaker, false);
        assertThat(recordFrom(breaker, "down.example", true, true, true)).as("one host, one answer")
                .containsOnly(Decision.PASS);
    }
}
