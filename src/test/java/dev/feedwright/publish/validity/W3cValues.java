package dev.feedwright.publish.validity;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value rules of the W3C Feed Validation Service (validator.w3.org/feed), written again from
 * its documentation and source so that CI checks them without the validator. Each method returns
 * the message class the validator would log, with the value, or empty when it would log nothing.
 * Where a rule here is simpler than the validator's, it is stricter, never looser.
 */
final class W3cValues {

    /** The only RFC 822 form the validator takes without a message ({@code rfc2822_re}). */
    private static final Pattern RFC822 = Pattern.compile("(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\\d\\d?) "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4}) (\\d\\d):(\\d\\d)(?::(\\d\\d))? "
            + "([+-]?\\d\\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(Map.entry("UT", 0), Map.entry("GMT", 0),
            Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));
    private static final Pattern RFC3339 =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final String URI_CHARS = "0-9a-zA-Z;/?:@&=+$.\\-_!~*'()%,#";
    private static final Pattern FULL_URI = Pattern.compile("[a-zA-Z][0-9a-zA-Z+\\-.]*:(//)?[" + URI_CHARS + "]+");
    private static final Pattern URI_CHAR = Pattern.compile("[" + URI_CHARS + "]");
    private static final Pattern UUID = Pattern.compile(
            "[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");
    private static final Pattern URN =
            Pattern.compile("[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'\\-]|%[0-9A-Fa-f]{2})+");
    /** The schemes our output uses; the validator knows more, but a new one here is worth a look. */
    private static final Set<String> SCHEMES = Set.of("http", "https", "urn");
    /** {@code httpURL}: enclosure URLs need a dotted DNS name or IPv4 host, without {@code _}. */
    private static final Pattern HTTP_URL = Pattern.compile("(http|https)://(([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.)"
            + "|(([A-Z0-9\\-]+\\.)+))([A-Z0-9][-A-Z0-9]*)(?::\\d+)?(/|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MIME;

    static {
        String token = "[^\\s()<>,;:\\\\\"/\\[\\]?=]+";
        MIME = Pattern.compile(token + "/" + token + "(\\s*;\\s*" + token + "=(\"(\\\\\"|[^\"])*\"|" + token + "))*");
    }

    private W3cValues() {
    }

    static Optional<String> problem(String messageClass, String value) {
        return Optional.of(messageClass + ": '" + value + "'");
    }

    /** RSS pubDate and lastBuildDate: InvalidRFC2822Date, ProblematicalRFC822Date, IncorrectDOW, ImplausibleDate. */
    static Optional<String> rfc822(String value, Instant now) {
        Matcher m = RFC822.matcher(value);
        if (!m.matches()) {
            return problem("InvalidRFC2822Date or ProblematicalRFC822Date", value);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(Integer.parseInt(m.group(4)), MONTHS.indexOf(m.group(3)) + 1,
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
        } catch (DateTimeException e) {
            return problem("InvalidRFC2822Date", value);
        }
        if (m.group(1) != null && !m.group(1).equals(local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))) {
            return problem("IncorrectDOW", value);
        }
        String zone = m.group(8);
        int minutes = ZONE_HOURS.containsKey(zone) ? ZONE_HOURS.get(zone) * 60 : offsetMinutes(zone);
        Instant instant = local.toInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
        if (instant.isAfter(now.plusSeconds(600)) || local.getYear() < 1990) {
            return problem("ImplausibleDate", value);
        }
        return Optional.empty();
    }

    /** {@code +HHMM}, {@code -HHMM} or {@code HHMM} in minutes east of UTC. */
    private static int offsetMinutes(String zone) {
        String digits = zone.substring(zone.length() - 4);
        int minutes = Integer.parseInt(digits.substring(0, 2)) * 60 + Integer.parseInt(digits.substring(2));
        return zone.startsWith("-") ? -minutes : minutes;
    }

    /** Atom updated and published: UnexpectedWhitespace, InvalidRFC3339Date, ImplausibleDate. */
    static Optional<String> rfc3339(String value, Instant now) {
        if (!value.equals(value.strip())) {
            return problem("UnexpectedWhitespace", value);
        }
        if (!RFC3339.matcher(value).matches()) {
            return problem("InvalidRFC3339Date", value);
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeException e) {
            return problem("InvalidRFC3339Date", value);
        }
        // The validator compares the text with the clock as strings; so do we.
        if (value.compareTo("1990-01-01") < 0 || value.compareTo(UTC_SECONDS.format(now.plus(Duration.ofDays(1)))) > 0) {
            return problem("ImplausibleDate", value);
        }
        return Optional.empty();
    }

    /** A full URI ({@code rfc2396_full}): InvalidFullLink, InvalidUriChar, InvalidUUID, InvalidURN, scheme. */
    static Optional<String> fullUri(String value) {
        String scheme = value.split(":", -1)[0].toLowerCase(Locale.ROOT);
        if (scheme.equals("urn")) {
            if (value.toLowerCase(Locale.ROOT).startsWith("urn:uuid:") && !UUID.matcher(value).matches()) {
                return problem("InvalidUUID", value);
            }
            return URN.matcher(value).matches() ? Optional.empty() : problem("InvalidURN", value);
        }
        if (!FULL_URI.matcher(value).matches()) {
            for (char c : value.toCharArray()) {
                if (c < 128 && !URI_CHAR.matcher(String.valueOf(c)).matches()) {
                    return problem("InvalidUriChar", value);
                }
            }
            return problem("InvalidFullLink", value);
        }
        if (!SCHEMES.contains(scheme)) {
            return problem("SchemeNotIANARegistered (or a scheme we never write)", value);
        }
        if (scheme.startsWith("http") && !value.matches("\\w+://[^/].*")) {
            return problem("InvalidFullLink", value);
        }
        return Optional.empty();
    }

    /** A link to a page or file: a full URI as above, http or https, with a host. */
    static Optional<String> webAddress(String value) {
        Optional<String> full = fullUri(value);
        if (full.isPresent()) {
            return full;
        }
        return value.matches("https?://[^/?#]+([/?#].*)?") ? Optional.empty()
                : problem("InvalidFullLink (not an http(s) address with a host)", value);
    }

    /** An enclosure url ({@code httpURL}): InvalidURLAttribute. */
    static Optional<String> enclosureUrl(String value) {
        return HTTP_URL.matcher(value).lookingAt() && FULL_URI.matcher(value).matches()
                ? Optional.empty() : problem("InvalidURLAttribute", value);
    }

    /** A MIME type ({@code mime_re}): InvalidMIMEAttribute / InvalidMIMEType. */
    static boolean mimeType(String value) {
        return value != null && MIME.matcher(value).matches();
    }

    /**
     * A language tag: InvalidLanguage. The validator looks the part before the first {@code -} up
     * in ISO 639; here it must also be a well-formed BCP 47 tag.
     */
    static boolean language(String value) {
        if (value == null || !Locale.forLanguageTag(value).toLanguageTag().equalsIgnoreCase(value)) {
            return false;
        }
        String primary = value.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return Set.of(Locale.getISOLanguages()).contains(primary)
                || (primary.length() == 3 && Set.of(Locale.getISOLanguages()).stream()
                        .anyMatch(two -> Locale.forLanguageTag(two).getISO3Language().equals(primary)));
    }

    static boolean positiveInteger(String value) {
        return value != null && value.matches("[1-9][0-9]{0,9}");
    }

    static boolean nonNegativeInteger(String value) {
        return value != null && value.matches("0|[1-9][0-9]{0,18}");
    }

    /**
     * NonCanonicalURI: the URI as the validator's {@code uri.canonicalForm} writes it: lower-case
     * scheme and host, no default port, no dot segments, upper-case escapes and no escape of a
     * character that needs none.
     */
    static Optional<String> canonical(String value) {
        Matcher m = Pattern.compile("(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?").matcher(value);
        if (!m.matches() || m.group(2) == null) {
            return problem("NonCanonicalURI (not absolute)", value);
        }
        String scheme = m.group(2).toLowerCase(Locale.ROOT);
        StringBuilder canonical = new StringBuilder(scheme).append(':');
        String path = m.group(5);
        if (m.group(4) != null) {
            String authority = m.group(4).toLowerCase(Locale.ROOT);
            String defaultPort = scheme.equals("http") ? ":80" : scheme.equals("https") ? ":443" : null;
            if (defaultPort != null && authority.endsWith(defaultPort)) {
                authority = authority.substring(0, authority.length() - defaultPort.length());
            }
            canonical.append("//").append(authority);
            List<String> segments = new ArrayList<>();
            for (String segment : (path.isEmpty() ? "/" : path).split("/", -1)) {
                if (segment.equals("..") && segments.size() > 1) {
                    segments.remove(segments.size() - 1);
                } else if (!segment.equals(".") && !segment.equals("..")) {
                    segments.add(normalise(segment, ""));
                }
            }
            canonical.append(String.join("/", segments));
        } else {
            canonical.append(normalise(path, "/"));
        }
        if (m.group(6) != null) {
            canonical.append('?').append(normalise(m.group(7), "/?"));
        }
        if (m.group(8) != null) {
            canonical.append('#').append(normalise(m.group(9), "/?"));
        }
        return canonical.toString().equals(value) ? Optional.empty()
                : problem("NonCanonicalURI (canonical: " + canonical + ")", value);
    }

    /**
     * Percent-encodes what needs it and decodes what does not ({@code uri._qnu}); reserved
     * characters stay as written. A {@code %} that starts no escape makes the URI non-canonical.
     */
    private static String normalise(String component, String alsoSafe) {
        String pchar = "-._~!$&'()*+,;=:@" + alsoSafe;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < component.length()) {
            int c = component.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= component.length() || !HexFormat.isHexDigit(component.charAt(i + 1))
                        || !HexFormat.isHexDigit(component.charAt(i + 2))) {
                    return component + " (bare %)";
                }
                int octet = HexFormat.fromHexDigits(component, i + 1, i + 3);
                if (":/?#[]@!$&'()*+,;=".indexOf(octet) >= 0 && pchar.indexOf(octet) >= 0) {
                    out.append('%').append(component.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                } else {
                    append(out, octet, pchar);
                }
                i += 3;
            } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    append(out, b & 0xFF, pchar);
                }
                i += Character.charCount(c);
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, int octet, String safe) {
        if (octet < 128 && (Character.isLetterOrDigit(octet) || "_.-~".indexOf(octet) >= 0 || safe.indexOf(octet) >= 0)) {
            out.append((char) octet);
        } else {
            out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) octet));
        }
    }
}
