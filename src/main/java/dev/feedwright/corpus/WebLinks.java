package dev.feedwright.corpus;

import dev.feedwright.text.TextRepair;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a link string from the corpus into an absolute http(s) address that any feed reader and
 * XML validator accepts, or says why it cannot: not http(s), relative, carrying credentials, an
 * invalid host or port, an IPv6 literal (which the W3C feed validator takes for an invalid URI). The result is ASCII only: an internationalised host becomes punycode, and
 * characters a URI cannot hold are percent-encoded as UTF-8. Scheme and host are lower-cased and a
 * default port is dropped; path, query and fragment are otherwise kept.
 */
public final class WebLinks {

    /** Links longer than this are refused: no reader needs them, and they bloat every feed. */
    public static final int MAX_LENGTH = 4096;

    private static final String HEX = "0123456789ABCDEF";

    private WebLinks() {
    }

    /** The outcome of {@link #parse}: a usable address, or the reason there is none. */
    public record Result(String url, String problem) {

        static Result ok(String url) {
            return new Result(url, null);
        }

        static Result bad(String problem) {
            return new Result(null, problem);
        }

        public boolean usable() {
            return url != null;
        }
    }

    /** Parses and normalises a link; never throws. */
    public static Result parse(String raw) {
        if (raw != null && isNormal(raw)) {
            return Result.ok(raw);
        }
        return parseFully(raw);
    }

    /** The long way of {@link #parse}, for any string. */
    static Result parseFully(String raw) {
        String s = TextRepair.link(raw);
        if (s.isEmpty()) {
            return Result.bad("the link is empty");
        }
        if (s.length() > MAX_LENGTH) {
            return Result.bad("the link is longer than " + MAX_LENGTH + " characters");
        }
        if (s.startsWith("//")) {
            s = "https:" + s;
        }
        int schemeEnd = s.indexOf(':');
        if (schemeEnd <= 0 || !isScheme(s, schemeEnd)) {
            return Result.bad("the link is relative: " + shorten(s));
        }
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Result.bad("the link's scheme '" + shorten(scheme) + ":' is not http or https");
        }
        if (!s.startsWith("//", schemeEnd + 1)) {
            return Result.bad("the link has no host: " + shorten(s));
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < s.length() && "/?#".indexOf(s.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = s.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            return Result.bad("the link carries credentials (user@host)");
        }
        if (authority.startsWith("[")) {
            return Result.bad("the link's host is an IPv6 address, which feed readers and validators refuse");
        }
        String hostPort = hostAndPort(authority, scheme);
        if (hostPort == null) {
            return Result.bad("the link's host '" + shorten(authority) + "' is not valid");
        }
        String rest = encodeRest(s.substring(authorityEnd));
        String url = scheme + "://" + hostPort + (rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest);
        try {
            new URI(url);
        } catch (URISyntaxException e) {
            return Result.bad("the link is not a valid address: " + shorten(s));
        }
        return Result.ok(url);
    }

    /**
     * True when a link is already in the form {@link #parse} gives, so that it can be taken as it
     * is: {@code http://} or {@code https://}, a lower-case ASCII host name with no port, user or
     * trailing dot, then {@code /} and only characters a URI may hold, with every {@code %} the
     * start of an escape and at most one {@code #}. Most links in a corpus are; the rest go the long
     * way, which gives the same result for these.
     */
    static boolean isNormal(String s) {
        int hostStart = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : -1;
        if (hostStart < 0 || s.length() > MAX_LENGTH) {
            return false;
        }
        int hostEnd = s.indexOf('/', hostStart);
        if (hostEnd < 0 || !isPlainHost(s, hostStart, hostEnd)) {
            return false;
        }
        if (s.indexOf('&') >= 0 && s.indexOf(';') >= 0) {
            return false;
        }
        boolean fragment = false;
        for (int i = hostEnd + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (c >= 128 || !isUriChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** A lower-case ASCII host name: labels of 1 to 63 letters, digits and inner hyphens, no trailing dot. */
    private static boolean isPlainHost(String s, int start, int end) {
        if (end == start || end - start > 253) {
            return false;
        }
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && s.charAt(i) != '.') {
                char c = s.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
                continue;
            }
            int length = i - labelStart;
            if (length < 1 || length > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                return false;
            }
            labelStart = i + 1;
        }
        return true;
    }

    /**
     * A host name as a provider domain: lower case, ASCII, without {@code www.}; null when the
     * text is no usable host name. A scheme or path around it (a URL given as a domain) is ignored.
     */
    public static String domain(String raw) {
        String s = TextRepair.link(raw).toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = 0;
        while (end < s.length() && "/?#:@".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String host = asciiHost(s.substring(0, end));
        if (host == null || host.startsWith("[") || isIpv4(host)) {
            return null;
        }
        return stripWww(host);
    }

    /** The host of a normalised link, without {@code www.}; for IP literals the address itself. */
    public static String hostOf(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String hostPort = url.substring(start, end);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
        String host = colon > 0 && colon < hostPort.length() && hostPort.charAt(colon) == ':'
                ? hostPort.substring(0, colon) : hostPort;
        return stripWww(host);
    }

    private static String stripWww(String host) {
        return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    }

    private static boolean isScheme(String s, int end) {
        if (!Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static String hostAndPort(String authority, String scheme) {
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(0, close + 1);
            port = authority.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                return null;
            }
            port = port.isEmpty() ? "" : port.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        }
        String ascii = asciiHost(host);
        if (ascii == null) {
            return null;
        }
        if (port.isEmpty()) {
            return ascii;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            return null;
        }
        boolean isDefault = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
        return isDefault ? ascii : ascii + ":" + number;
    }

    /** A host in lower-case ASCII (punycode for internationalised names), or null if it is none. */
    private static String asciiHost(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            String inner = host.substring(1, host.length() - 1);
            return !inner.isEmpty() && inner.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
                    ? host.toLowerCase(Locale.ROOT) : null;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > 253) {
            return null;
        }
        String ascii;
        if (host.chars().allMatch(c -> c < 0x80)) {
            ascii = host.toLowerCase(Locale.ROOT);
        } else {
            try {
                ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return null;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return null;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                    return null;
                }
            }
        }
        return ascii;
    }

    private static boolean isIpv4(String host) {
        return host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    /** Percent-encodes what a URI cannot hold in path, query and fragment; keeps valid escapes. */
    private static String encodeRest(String rest) {
        StringBuilder out = new StringBuilder(rest.length() + 16);
        boolean inFragment = false;
        for (int i = 0; i < rest.length(); ) {
            int cp = rest.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '#') {
                if (inFragment) {
                    out.append("%23");
                } else {
                    inFragment = true;
                    out.append('#');
                }
            } else if (cp == '%') {
                boolean escape = i + 2 <= rest.length()
                        && Character.digit(rest.charAt(i), 16) >= 0 && Character.digit(rest.charAt(i + 1), 16) >= 0;
                out.append(escape ? "%" : "%25");
            } else if (cp < 128 && isUriChar((char) cp)) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
        }
        return out.toString();
    }

    private static boolean isUriChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
