package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    /** Found by a helper's hunt: RFC 850's and asctime's forms, which HTTP recipients must read, were ignored. */
    @Test
    void readsTheObsoleteFormsOfAnHttpDate() {
        assertThat(RetryAfter.parse("Sunday, 01-Jun-25 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sun Jun  1 12:01:30 2025", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sun Jun 15 12:00:00 2025", NOW)).isEqualTo(Duration.ofDays(14));
        // A two-digit year more than 50 years ahead is in the century before: a date long past.
        assertThat(RetryAfter.parse("Friday, 31-Dec-99 23:59:59 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAbsurdNumberIsLongerThanAnyCap() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void somethingElseIsIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
    }
}
