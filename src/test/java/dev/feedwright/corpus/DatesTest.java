package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading article dates: the ISO-8601 forms and RFC 1123, kept to the second, from 1990 to 2099. */
class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-08-29T05:09:00Z                      | 2021-08-29T05:09:00Z
            2024-02-29T23:59:59Z                      | 2024-02-29T23:59:59Z
            2021-08-29T07:09:00+02:00                 | 2021-08-29T05:09:00Z
            2021-08-29T00:09:00-05:00                 | 2021-08-29T05:09:00Z
            2021-08-29T05:09:00.987654Z               | 2021-08-29T05:09:00Z
            2021-08-29T10:39:00.5+05:30               | 2021-08-29T05:09:00Z
            2021-08-29T07:09:00+0200                  | 2021-08-29T05:09:00Z
            2021-08-29T00:09:00-0500                  | 2021-08-29T05:09:00Z
            2021-08-29T10:39:00.5+0530                | 2021-08-29T05:09:00Z
            2021-08-29T07:09:00+02                    | 2021-08-29T05:09:00Z
            2021-08-29 07:09+0200                     | 2021-08-29T05:09:00Z
            2021-08-29 05:09:00Z                      | 2021-08-29T05:09:00Z
            2021-08-29 05:09:00                       | 2021-08-29T05:09:00Z
            2021-08-29T05:09:00                       | 2021-08-29T05:09:00Z
            2021-08-29T05:09Z                         | 2021-08-29T05:09:00Z
            2021-08-29                                | 2021-08-29T00:00:00Z
            'Sun, 29 Aug 2021 05:09:00 GMT'           | 2021-08-29T05:09:00Z
            '29 Aug 2021 05:09:00 GMT'                | 2021-08-29T05:09:00Z
            '1 Aug 2021 05:09:00 +0200'               | 2021-08-01T03:09:00Z
            'Sun, 29 Aug 2021 07:09:00 +0200'         | 2021-08-29T05:09:00Z
            '  2021-08-29T05:09:00Z  '                | 2021-08-29T05:09:00Z
            2016-12-31T23:59:60Z                      | 2016-12-31T23:59:59Z
            2016-12-31 23:59:60.5Z                    | 2016-12-31T23:59:59Z
            2016-12-31T23:59:60+01:00                 | 2016-12-31T22:59:59Z
            'Mon, 09 Aug 2021 05:09:00 PDT'           | 2021-08-09T12:09:00Z
            'Mon, 09 Aug 2021 05:09:00 EST'           | 2021-08-09T10:09:00Z
            'Mon, 09 Aug 2021 05:09:00 UT'            | 2021-08-09T05:09:00Z
            'Mon, 09 Aug 2021 05:09:00 Z'             | 2021-08-09T05:09:00Z
            '2021-08-29 07:09:00 +02:00'              | 2021-08-29T05:09:00Z
            '2021-08-29 00:09:00.5 -5'                | 2021-08-29T05:09:00Z
            '2021-08-29 05:09:00 Z'                   | 2021-08-29T05:09:00Z
            2021-08-29T05:09:00,5Z                    | 2021-08-29T05:09:00Z
            2016-12-31T23:59:60                       | 2016-12-31T23:59:59Z
            """)
    void readsDateForm(String text, Instant expected) {
        assertThat(Dates.parse(text)).contains(expected);
    }

    @Test
    void keepsDateToTheSecond() {
        assertThat(Dates.parse("2021-08-29T05:09:59.999999999Z")).contains(Instant.parse("2021-08-29T05:09:59Z"));
    }

    @Test
    void acceptsFirstAndLastSecondOfTheRange() {
        assertThat(Dates.parse("1990-01-01T00:00:00Z")).contains(Instant.parse("1990-01-01T00:00:00Z"));
        assertThat(Dates.parse("1989-12-31T23:59:59Z")).isEmpty();
        assertThat(Dates.parse("2099-12-31T23:59:59Z")).contains(Instant.parse("2099-12-31T23:59:59Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1969-12-31T23:59:59Z", "1969-12-31", "2100-01-01T00:00:00Z",
        "2100-01-01", "2099-12-31T23:59:59-01:00", "0001-01-01T00:00:00Z"})
    void refusesDateOutsideTheRange(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "29/08/2021", "2021-02-30T00:00:00Z", "2021-08-29T25:00:00Z",
        "2023-02-29T00:00:00Z", "2021-08-29T05:09:60Z", "2021-13-01T00:00:00Z", "2021-08-29T05:09:0xZ",
        "2021-08-29Tnoon", "1630213740", "2021-08-29T05:09:00+020", "2021-08-29T05:09:00+2",
        "2021-08-29T05:09:00+2400", "Someday, 29 Aug 2021 05:09:00 GMT", "   ", "2016-12-31T23:58:60Z",
        "2016-12-31T00:59:60Z", "2016-12-32T23:59:60Z", "2016-12-31T23:59:61Z"})
    void refusesTextThatIsNoDate(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    /** Twenty characters ending in Z, read without a formatter: every other character must be in its place. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2021/08/29T05:09:00Z", "2021-08/29T05:09:00Z", "2021-08-29_05:09:00Z",
        "2021-08-29T05-09:00Z", "2021-08-29T05:09-00Z", "2021-08-29T05-09-00Z", "2021:08:29T05:09:00Z", "2021-0:-29T05:09:00Z", "2021-08-29T05:09:0:Z",
        "2021-08-29T05:09:00z0", "2021-08-29T05:09:00+"})
    void refusesTheCorpusFormWithACharacterOutOfPlace(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingText(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @Test
    void refusesOverlongText() {
        assertThat(Dates.parse("2021-08-29T05:09:00Z" + " ".repeat(10) + "x".repeat(60))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "utc-seconds.md, 2021-08-29T05:09:00Z",
        "offset.md, 2021-08-29T05:09:00Z",
        "offset-without-colon.md, 2021-08-29T05:09:00Z",
        "fractions.md, 2021-08-29T05:09:00Z",
        "space-separator.md, 2021-08-29T05:09:00Z",
        "no-zone.md, 2021-08-29T05:09:00Z",
        "date-only.md, 2021-08-29T00:00:00Z",
        "rfc1123.md, 2021-08-29T05:09:00Z",
        "quoted.md, 2021-08-29T05:09:00Z",
        "leap-second.md, 2016-12-31T23:59:59Z",
    })
    void readsDateFormFromFile(String file, Instant expected) {
        assertThat(Fixtures.story("dates/" + file).primary().published()).isEqualTo(expected);
    }
}
