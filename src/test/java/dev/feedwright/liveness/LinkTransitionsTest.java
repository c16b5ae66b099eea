package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.LivenessConfig;
import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When a link is due again after each kind of result. The confirmation of a dead link itself is
 * {@link LinkRow#confirmedDead}; these are the waits that decide how soon it can happen and how
 * long a settled result is trusted.
 */
class LinkTransitionsTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long T0 = 1_700_000_000_000L;

    private final LinkTransitions transitions = new LinkTransitions(LivenessConfig.builder()
            .cacheAlive(Duration.ofDays(1)).cacheUnknown(Duration.ofHours(6)).cacheDead(Duration.ofDays(7))
            .confirmAfter(Duration.ofHours(1)).build());

    private static final Outcome DEAD = Outcome.of(Outcome.Kind.DEAD, 404, "HTTP 404");
    private static final Outcome UNKNOWN = Outcome.of(Outcome.Kind.UNKNOWN, 503, "HTTP 503");
    private static final Outcome ALIVE = Outcome.of(Outcome.Kind.ALIVE, 200, "HTTP 200");

    private final LinkRow fresh = LinkRow.unchecked("https://x.example/a", "x.example");

    @Test
    void aFirstDeadCheckIsDueAgainOnceConfirmAfterHasPassed() {
        LinkRow row = transitions.apply(fresh, DEAD, T0);

        assertThat(row.state()).isEqualTo(LinkState.DEAD);
        assertThat(row.deadChecks()).isEqualTo(1);
        assertThat(row.deadSince()).isEqualTo(T0);
        assertThat(row.nextCheck()).isEqualTo(T0 + HOUR);
    }

    @Test
    void aSecondDeadCheckTooSoonKeepsTheConfirmingCheckWhereItWas() {
        LinkRow row = transitions.apply(transitions.apply(fresh, DEAD, T0), DEAD, T0 + 30 * MINUTE);

        assertThat(row.deadChecks()).isEqualTo(2);
        assertThat(row.confirmedDead(HOUR)).isFalse();
        assertThat(row.nextCheck()).isEqualTo(T0 + HOUR);
    }

    @Test
    void aSecondDeadCheckExactlyConfirmAfterLaterConfirmsAndTrustsTheResultForCacheDead() {
        LinkRow row = transitions.apply(transitions.apply(fresh, DEAD, T0), DEAD, T0 + HOUR);

        assertThat(row.confirmedDead(HOUR)).isTrue();
        assertThat(row.nextCheck()).isEqualTo(T0 + HOUR + 7 * DAY);
    }

    @Test
    void aSecondDeadCheckLaterThanConfirmAfterConfirms() {
        LinkRow row = transitions.apply(transitions.apply(fresh, DEAD, T0), DEAD, T0 + 2 * HOUR);

        assertThat(row.deadChecks()).isEqualTo(2);
        assertThat(row.nextCheck()).isEqualTo(T0 + 2 * HOUR + 7 * DAY);
    }

    @Test
    void oneDeadCheckConfirmsNothingEvenWhenConfirmAfterIsZero() {
        LinkTransitions immediate = new LinkTransitions(LivenessConfig.builder()
                .cacheDead(Duration.ofDays(7)).confirmAfter(Duration.ZERO).build());

        LinkRow once = immediate.apply(fresh, DEAD, T0);
        LinkRow twice = immediate.apply(once, DEAD, T0 + 1);

        assertThat(once.nextCheck()).isEqualTo(T0 + 1);
        assertThat(twice.nextCheck()).isEqualTo(T0 + 1 + 7 * DAY);
    }

    @Test
    void anUnknownResultOnTheWayToConfirmationKeepsTheConfirmingCheck() {
        LinkRow row = transitions.apply(transitions.apply(fresh, DEAD, T0), UNKNOWN, T0 + 10 * MINUTE);

        assertThat(row.state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(row.deadChecks()).isEqualTo(1);
        assertThat(row.nextCheck()).isEqualTo(T0 + HOUR);
    }

    @Test
    void anUnknownResultAfterTheConfirmingCheckWasDueIsDueAgainAtOnce() {
        LinkRow row = transitions.apply(transitions.apply(fresh, DEAD, T0), UNKNOWN, T0 + 2 * HOUR);

        assertThat(row.nextCheck()).isEqualTo(T0 + 2 * HOUR + 1);
    }

    @Test
    void anUnknownResultOfAConfirmedDeadOrAnAliveLinkWaitsCacheUnknown() {
        LinkRow confirmed = transitions.apply(transitions.apply(fresh, DEAD, T0), DEAD, T0 + HOUR);
        LinkRow alive = transitions.apply(fresh, ALIVE, T0);

        assertThat(transitions.apply(confirmed, UNKNOWN, T0 + 2 * HOUR).nextCheck()).isEqualTo(T0 + 8 * HOUR);
        assertThat(transitions.apply(alive, UNKNOWN, T0 + 2 * HOUR).nextCheck()).isEqualTo(T0 + 8 * HOUR);
        assertThat(transitions.apply(fresh, UNKNOWN, T0).nextCheck()).isEqualTo(T0 + 6 * HOUR);
    }

    @Test
    void anAliveResultEndsTheDeadRunAndIsTrustedForCacheAlive() {
        LinkRow row = transitions.apply(transitions.apply(fresh, DEAD, T0), ALIVE, T0 + 10 * MINUTE);

        assertThat(row.state()).isEqualTo(LinkState.ALIVE);
        assertThat(row.deadChecks()).isZero();
        assertThat(row.nextCheck()).isEqualTo(T0 + 10 * MINUTE + DAY);
    }
}
