package dev.feedwright.corpus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads article dates. The corpus writes {@code 2021-08-29T05:09:00Z}; other ISO-8601 forms (an
 * offset, fractions of a second, a space for {@code T}, no zone meaning UTC, a date alone meaning
 * its midnight UTC) and RFC 1123 dates are accepted too. Dates are kept to the second and must
 * fall between 1990 and 2099: anything else is a broken value, not a date to publish.
 */
public final class Dates {

    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Dates() {
    }

    /** The instant the text names, or empty when it names none (or one out of range). */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() < 10 || s.length() > 64) {
            return Optional.empty();
        }
        Instant instant = parseAny(s);
        if (instant == null || instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            return Optional.empty();
        }
        return Optional.of(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant parseAny(String s) {
        try {
            if (Character.isDigit(s.charAt(0))) {
                String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
                if (iso.length() == 10) {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
