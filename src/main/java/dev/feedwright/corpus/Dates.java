package dev.feedwright.corpus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads article dates. The corpus writes {@code 2021-08-29T05:09:00Z}; other ISO-8601 forms (an
 * offset, with or without its colon or minutes as in {@code +02:00}, {@code +0200} and {@code +02},
 * fractions of a second, a space for {@code T}, no zone meaning UTC, a date alone meaning its
 * midnight UTC, YAML's timestamps with a space before the zone) and RFC 1123 dates (with RFC 822's
 * zone names too: {@code PDT}, {@code UT}) are accepted too. Dates are kept to the second and must
 * fall between 1990 and 2099: anything else is a broken value, not a date to publish. A leap
 * second in an ISO-8601 form ({@code 2016-12-31T23:59:60Z}) is read as the second before it, as
 * {@link DateTimeFormatter#ISO_INSTANT} reads it: only at 23:59:60, in whatever offset is written.
 */
public final class Dates {

    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /**
     * A date and time, then a zone: {@code Z} or an offset with or without its colon, minutes or
     * a second digit of hours ({@code +0200}, {@code +02}, YAML's {@code -5}), maybe after a space
     * (YAML's own timestamps: {@code 2021-08-29 05:09:00 +02:00}); a fraction of a second may
     * follow a comma, as ISO 8601 allows.
     */
    private static final Pattern TIME_AND_ZONE = Pattern.compile(
            "(.*T\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)(?:\\s*(Z)|\\s*([+-])(\\d{2})(?::?(\\d{2}))?|\\s+([+-])(\\d))?");
    /** RFC 822's zone names, which RFC 1123 dates may carry; {@code GMT} and offsets are read as they are. */
    private static final Map<String, String> ZONE_NAMES = Map.ofEntries(Map.entry("UT", "GMT"),
            Map.entry("UTC", "GMT"), Map.entry("Z", "GMT"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"),
            Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

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

    private static Instant parseAny(String text) {
        String s = withoutLeapSecond(text);
        try {
            if (isCorpusForm(s)) {
                return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), digits(s, 11, 13),
                        digits(s, 14, 16), digits(s, 17, 19)).toInstant(ZoneOffset.UTC);
            }
            int space = s.indexOf(' ');
            if (Character.isDigit(s.charAt(0)) && !(space == 1 || space == 2)) {
                String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
                if (iso.length() == 10) {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(withIsoZone(iso), OffsetDateTime::from,
                        LocalDateTime::from);
                return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            }
            // RFC 1123, its day of the week optional ("29 Aug 2021 05:09:00 GMT" too).
            return OffsetDateTime.parse(withNumericZone(s), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The text with an ISO-8601 leap second's time, {@code 23:59:60}, made {@code 23:59:59}: neither
     * {@link LocalDateTime} nor {@link DateTimeFormatter#ISO_DATE_TIME} takes a 60th second.
     */
    private static String withoutLeapSecond(String s) {
        if (s.length() >= 19 && s.startsWith("23:59:60", 11) && Character.isDigit(s.charAt(0))) {
            return s.substring(0, 17) + "59" + s.substring(19);
        }
        return s;
    }

    /**
     * The text with its zone written as ISO_DATE_TIME reads it, {@code Z} or {@code +hh:mm} right
     * after the time, and a fraction after a point: {@code +0200} (ISO 8601's basic form, which
     * PHP's {@code DATE_ISO8601} writes after an extended date), {@code +02}, {@code  -5} and
     * {@code ,5} become {@code +02:00}, {@code +02:00}, {@code -05:00} and {@code .5}.
     */
    private static String withIsoZone(String iso) {
        Matcher m = TIME_AND_ZONE.matcher(iso);
        if (!m.matches()) {
            return iso;
        }
        String time = m.group(1).replace(',', '.');
        if (m.group(2) != null) {
            return time + "Z";
        }
        if (m.group(3) != null) {
            return time + m.group(3) + m.group(4) + ":" + (m.group(5) == null ? "00" : m.group(5));
        }
        // YAML's one-digit hours, after a space only (an ISO offset has two).
        return m.group(6) == null ? time : time + m.group(6) + "0" + m.group(7) + ":00";
    }

    /** An RFC 1123 date with an RFC 822 zone name at its end ({@code PDT}, {@code UT}) given as GMT or an offset. */
    private static String withNumericZone(String s) {
        int space = s.lastIndexOf(' ');
        String zone = ZONE_NAMES.get(s.substring(space + 1).toUpperCase(Locale.ROOT));
        return zone == null ? s : s.substring(0, space + 1) + zone;
    }

    /** {@code 2021-08-29T05:09:00Z}, the form nearly every date in the corpus takes: read without a formatter. */
    private static boolean isCorpusForm(String s) {
        if (s.length() != 20 || s.charAt(19) != 'Z') {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            char c = s.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
