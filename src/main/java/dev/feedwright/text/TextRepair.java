package dev.feedwright.text;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * The one place where text read from the corpus is repaired before it reaches a feed.
 *
 * <p>Every text field goes through {@link #text(String)}: HTML entities (whole ones, ended by
 * {@code ;}) are decoded, markup is
 * removed (a title is plain text, never HTML), UTF-8 that was once decoded as Windows-1252 is
 * repaired, characters that XML 1.0 cannot carry are dropped and runs of white space collapse to
 * one space. Link strings go through {@link #link(String)}, which repairs without collapsing.
 */
public final class TextRepair {

    /**
     * Entity decodings and tag removals, at most: enough for markup whose entities were encoded
     * twice ({@code &amp;lt;em&amp;gt;}, which some feeds' excerpts hold), whose tags then go
     * as a single encoding's do; what a third encoding leaves is defused.
     */
    private static final int MAX_DECODE_PASSES = 3;

    private TextRepair() {
    }

    /**
     * Repairs a plain-text field (title, excerpt, name, topic).
     *
     * @return the repaired text, never null; empty when nothing printable is left
     */
    public static String text(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (isPlainAscii(raw)) {
            return raw;
        }
        String s = Mojibake.repair(raw);
        s = decodeMarkup(s);
        s = Mojibake.repair(s);
        // Tags are defused last: dropping a character XML cannot carry can join '<' to a tag name
        // ("<\u0001script>" becomes "<script>").
        return Markup.defuseTags(collapseWhitespace(XmlChars.strip(s)));
    }

    /**
     * True for the common case that needs no repair: printable ASCII without {@code &} or
     * {@code <}, without white space at either end or two spaces in a row. One scan.
     */
    static boolean isPlainAscii(String s) {
        int n = s.length();
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * Repairs a link string: mojibake and entities (as in an HTML attribute, so that
     * {@code ?a=1&amp;b=2} becomes {@code ?a=1&b=2}) are repaired and characters XML cannot carry
     * are dropped. White space is trimmed but not collapsed; the link parser encodes what is left.
     */
    public static String link(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = Mojibake.repair(raw);
        if (s.indexOf('&') >= 0) {
            s = Parser.unescapeEntities(Markup.protectAmpersands(s), true);
        }
        return XmlChars.strip(s).strip();
    }

    /**
     * Repairs a whole document's raw text before it is parsed: mojibake is repaired and characters
     * XML cannot carry are dropped, so that a parser that refuses control characters can read it.
     * Entities, markup and white space are left for {@link #text(String)}; line ends are kept.
     */
    public static String document(String raw) {
        return XmlChars.strip(Mojibake.repair(raw));
    }

    /**
     * Decodes entities and removes tags; tags that survive are defused by the caller. Text that holds neither {@code &} nor {@code <} is
     * returned as it is, so that the common case costs one scan.
     */
    private static String decodeMarkup(String s) {
        for (int pass = 0; pass < MAX_DECODE_PASSES; pass++) {
            boolean hasTag = Markup.looksLikeTag(s);
            boolean hasEntity = s.indexOf('&') >= 0;
            if (!hasTag && !hasEntity) {
                return s;
            }
            String protectedAmpersands = hasEntity ? Markup.protectAmpersands(s) : s;
            String decoded = hasTag
                    ? Jsoup.parseBodyFragment(Markup.protectLessThan(protectedAmpersands)).body().text()
                    : Parser.unescapeEntities(protectedAmpersands, false);
            if (decoded.equals(s)) {
                break;
            }
            s = decoded;
        }
        return s;
    }

    /** Collapses every run of white space (including no-break and line/paragraph separators) to one space. */
    static String collapseWhitespace(String s) {
        StringBuilder out = null;
        int n = s.length();
        boolean pendingSpace = false;
        int start = 0;
        while (start < n && isSpace(s.charAt(start))) {
            start++;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (out == null) {
                    out = new StringBuilder(n);
                    out.append(s, start, i);
                }
                pendingSpace = true;
                continue;
            }
            if (out != null) {
                if (pendingSpace) {
                    out.append(' ');
                }
                out.append(c);
            }
            pendingSpace = false;
        }
        if (out == null) {
            int end = n;
            while (end > start && isSpace(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(start, end);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r'
                || (c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }
}
