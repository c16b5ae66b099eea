package dev.feedwright.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

/**
 * Small, safe operations on HTML: detecting and defusing tags in plain text, escaping text for
 * HTML, and pulling the source address out of an untrusted embed.
 */
public final class Markup {

    /**
     * The roots of SVG and MathML content, which jsoup does not count as known tags: markup all the
     * same, and where browsers parse what follows by other rules (found with the hostile corpus:
     * {@code <math><mi xlink:href=...>} kept its {@code <math>}).
     */
    private static final Set<String> FOREIGN_ROOTS = Set.of("svg", "math");

    /**
     * The elements whose content an HTML parser takes as data up to their end tag, or to the end
     * of the text when there is none: dropped with them by {@code text()}.
     */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "iframe", "noembed", "noframes", "xmp");

    private Markup() {
    }

    /**
     * True when the text holds markup: a known HTML element's start or end tag ({@code <b>},
     * {@code </p>}, {@code <script}), a comment, a declaration or a processing instruction, or a
     * start tag of any name that carries attributes ({@code <x onmouseover=...>}: unknown elements
     * take event handlers too).
     * Other uses of {@code <} ({@code a < b}, {@code I <3 you}, {@code x<y}) are text.
     */
    public static boolean looksLikeTag(String s) {
        int i = s.indexOf('<');
        while (i >= 0) {
            if (isTagAt(s, i)) {
                return true;
            }
            i = s.indexOf('<', i + 1);
        }
        return false;
    }

    /**
     * Makes every {@code <} that does not start markup (see {@link #looksLikeTag}) an entity, so
     * that an HTML parser keeps it as text instead of swallowing what follows as an unknown tag;
     * so too a tag that no {@code >} ends before the next {@code <} or the end of the text ("fell
     * to {@code <a} two-year low"), which an HTML parser drops with all that follows, and the
     * start tag of a raw-text element that is never closed ("a bug lets an {@code <iframe>} escape
     * its sandbox"), which would take the rest of the text with it.
     */
    static String protectLessThan(String s) {
        StringBuilder out = null;
        Map<String, Integer> lastEndTags = new HashMap<>(4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean literal = c == '<' && (!isTagAt(s, i) || !endsBeforeNextTag(s, i)
                    || opensUnclosedRawText(s, i, lastEndTags));
            if (literal && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(literal ? "&lt;" : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** Whether a {@code >} comes after the {@code <} at {@code at} before another {@code <}. */
    private static boolean endsBeforeNextTag(String s, int at) {
        int end = s.indexOf('>', at + 1);
        if (end < 0) {
            return false;
        }
        int next = s.indexOf('<', at + 1);
        return next < 0 || end < next;
    }

    /**
     * Makes every {@code &} that does not start a whole character reference, a name ended by
     * {@code ;} ({@code &amp;}), a number ({@code &#8217;}, {@code &#x263A}, with or without its
     * {@code ;}) or one of XML's five names before a space or punctuation, an entity of its own:
     * an HTML parser would also decode the names it knows without their {@code ;} ({@code &reg},
     * {@code &copy}, {@code &not}), which in plain text are words ({@code &region=eu},
     * {@code &copyright}, {@code &notify}) and in a link, query parameters.
     */
    public static String protectAmpersands(String s) {
        int i = s.indexOf('&');
        if (i < 0) {
            return s;
        }
        StringBuilder out = null;
        int copied = 0;
        for (; i >= 0; i = s.indexOf('&', i + 1)) {
            if (!isWholeReferenceAt(s, i)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16);
                }
                out.append(s, copied, i + 1).append("amp;");
                copied = i + 1;
            }
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static boolean isWholeReferenceAt(String s, int at) {
        int i = at + 1;
        int n = s.length();
        if (i < n && s.charAt(i) == '#') {
            i++;
            boolean hex = i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int start = i;
            while (i < n && i - start < 8 && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0
                    && s.charAt(i) < 0x80) {
                i++;
            }
            // A number is no word: decoded with or without its ';' ("It&#8217s").
            return i > start;
        }
        int start = i;
        while (i < n && i - start < 32 && s.charAt(i) < 0x80 && isNameChar(s.charAt(i), i == start)) {
            i++;
        }
        if (i > start && i < n && s.charAt(i) == ';') {
            return true;
        }
        // XML's five names without their ';' before what cannot go on a word or a parameter ("Q&amp A").
        return XML_ENTITIES.contains(s.substring(start, i)) && (i == n || !Character.isLetterOrDigit(s.charAt(i))
                && s.charAt(i) != '=' && s.charAt(i) != '_');
    }

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    /**
     * Makes sure no markup can be read out of plain text: a {@code <} that starts markup gets a
     * space after it, which HTML parsers read as text.
     */
    static String defuseTags(String s) {
        if (!looksLikeTag(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            out.append(s.charAt(i));
            if (s.charAt(i) == '<' && isTagAt(s, i)) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /**
     * Whether the {@code <} at {@code at} opens a tag with an attribute: a letter, the rest of a
     * name, white space or {@code /}, then an {@code =} before the next {@code <} or {@code >}.
     * An unclosed one counts: a reader may put more markup after it. Found with the hostile corpus.
     */
    private static boolean opensTagWithAttributes(String s, int at) {
        int i = at + 1;
        if (i >= s.length() || !isNameChar(s.charAt(i), true)) {
            return false;
        }
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) == '>') {
            return false;
        }
        for (; i < s.length() && s.charAt(i) != '>' && s.charAt(i) != '<'; i++) {
            if (s.charAt(i) == '=') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the {@code <} at {@code at} starts a raw-text element (see {@link #RAW_TEXT}) with no
     * end tag after it. {@code lastEndTags} keeps, per element name, where its last end tag in
     * {@code s} begins: one search of the text per name, however many of its start tags it holds.
     */
    private static boolean opensUnclosedRawText(String s, int at, Map<String, Integer> lastEndTags) {
        int i = at + 1;
        while (i < s.length() && isNameChar(s.charAt(i), false)) {
            i++;
        }
        String name = s.substring(at + 1, i).toLowerCase(Locale.ROOT);
        return RAW_TEXT.contains(name) && lastEndTags.computeIfAbsent(name, n -> lastIndexOfIgnoreCase(s, "</" + n)) < i;
    }

    private static int lastIndexOfIgnoreCase(String s, String part) {
        for (int i = s.length() - part.length(); i >= 0; i--) {
            if (s.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the {@code <} at {@code at} starts markup. */
    private static boolean isTagAt(String s, int at) {
        return isKnownTagAt(s, at) || opensTagWithAttributes(s, at) || closesAnyElement(s, at);
    }

    /**
     * Whether the {@code <} at {@code at} is an end tag of any name ({@code </x>}): what is left of an
     * element removed for its attributes, and what the W3C validator reports as HTML in plain text.
     */
    private static boolean closesAnyElement(String s, int at) {
        int i = at + 2;
        if (i >= s.length() || s.charAt(at + 1) != '/' || !isNameChar(s.charAt(i), true)) {
            return false;
        }
        while (i < s.length() && (isNameChar(s.charAt(i), false) || s.charAt(i) == '-')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '>';
    }

    /** Whether the {@code <} at {@code at} starts a known element's tag, a comment, a declaration or an instruction. */
    private static boolean isKnownTagAt(String s, int at) {
        int i = at + 1;
        if (i >= s.length()) {
            return false;
        }
        char first = s.charAt(i);
        if (first == '!' || first == '?') {
            return true;
        }
        if (first == '/') {
            i++;
        }
        int start = i;
        while (i < s.length() && isNameChar(s.charAt(i), i == start)) {
            i++;
        }
        if (i == start || i - start > 16) {
            return false;
        }
        boolean ended = i == s.length() || Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '>'
                || s.charAt(i) == '/';
        String name = s.substring(start, i).toLowerCase(Locale.ROOT);
        return ended && (Tag.isKnownTag(name) || FOREIGN_ROOTS.contains(name));
    }

    private static boolean isNameChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    /** Escapes text for use in HTML element content or a quoted attribute. */
    public static String escape(String text) {
        return escape(text, true);
    }

    /** Escapes text for use in HTML element content only: quotes stay as they are. */
    public static String escapeText(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean quotes) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> quotes ? "&quot;" : null;
                case '\'' -> quotes ? "&#39;" : null;
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The {@code src} of the first {@code <iframe>} (or {@code <embed>}/{@code <video>}) in an
     * untrusted embed snippet. The snippet itself is never republished: only this address, after
     * the caller has checked it like any other link.
     */
    public static Optional<String> embedSource(String html) {
        if (html == null || html.isBlank()) {
            return Optional.empty();
        }
        Element src = Jsoup.parseBodyFragment(html).selectFirst("iframe[src], embed[src], video[src]");
        return src == null ? Optional.empty() : Optional.of(src.attr("src"));
    }
}
