package dev.feedwright.text;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * The one place where text read from the corpus is repaired before it reaches a feed.
 *
 * <p>Every text field goes through {@link #text(String)}: HTML entities (whole ones, ended by
 * {@code ;}) are decoded, markup is
 * removed (a title is plain text, never HTML), UTF-8 that was once decoded as Windows-1252 is
 * repaired, characters that XML 1.0 cannot carry are dropped, runs of white space collapse to
 * one space, the text is put in Unicode's composed form (NFC: an accent typed as its own
 * character joins its letter, so that two spellings of one name are one) and invisible characters
 * at its ends go. Link strings go through {@link #link(String)}, which repairs without collapsing.
 */
public final class TextRepair {

    /**
     * Entity decodings and tag removals, at most: enough for markup whose entities were encoded
     * twice ({@code &amp;lt;em&amp;gt;}, which some feeds' excerpts hold), whose tags then go
     * as a single encoding's do; what a third encoding leaves is defused.
     */
    private static final int MAX_DECODE_PASSES = 3;

    /** Characters that show nothing: at either end of a text they are dropped (see {@link #withoutInvisibleEnds}). */
    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\u00AD\u180E";
    /** Those of them that change nothing inside a name either; joiners shape emoji and scripts. */
    private static final String INVISIBLE_IN_NAMES = "\u200B\u2060\u00AD\u180E";

    private TextRepair() {
    }

    /**
     * Repairs a plain-text field (title, excerpt, name, topic).
     *
     * @return the repaired text, never null; empty when nothing printable is left
     */
    public static String text(String raw) {
        return repair(raw, "");
    }

    /**
     * Repairs a name (a topic, a provider) as {@link #text} does, and drops the invisible
     * characters inside it that would make one name look like another: a soft hyphen, a zero-width
     * space, a word joiner ({@code A\u00ADI} is {@code AI}).
     */
    public static String name(String raw) {
        return repair(raw, INVISIBLE_IN_NAMES);
    }

    /** {@link #text}, which also drops every one of {@code dropped} from the text. */
    private static String repair(String raw, String dropped) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (isPlainAscii(raw)) {
            return raw;
        }
        String s = Mojibake.repair(raw);
        s = decodeMarkup(s);
        s = Mojibake.repair(s);
        // Tags are defused last: dropping a character (one XML cannot carry, an invisible one of a
        // name) can join '<' to a tag name ("<\u0001script>" becomes "<script>").
        s = Markup.defuseTags(collapseWhitespace(without(XmlChars.strip(s), dropped)));
        return withoutInvisibleEnds(Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC));
    }

    /** {@code s} without the characters of {@code dropped}; the same instance when it holds none. */
    private static String without(String s, String dropped) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dropped.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * The text without the invisible characters at its ends (zero-width space, joiners, word
     * joiner, soft hyphen, Mongolian vowel separator), nor the spaces they hid: a title of only
     * such characters is empty, so no title.
     */
    static String withoutInvisibleEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || INVISIBLE.indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || INVISIBLE.indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
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
