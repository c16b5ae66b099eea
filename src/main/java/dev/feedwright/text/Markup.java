package dev.feedwright.text;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Small, safe operations on HTML: detecting and defusing tags in plain text, escaping text for
 * HTML, and pulling the source address out of an untrusted embed.
 */
public final class Markup {

    private Markup() {
    }

    /** True when the text holds something an HTML parser would read as the start of a tag or comment. */
    public static boolean looksLikeTag(String s) {
        int i = s.indexOf('<');
        while (i >= 0 && i + 1 < s.length()) {
            if (isTagStart(s.charAt(i + 1))) {
                return true;
            }
            i = s.indexOf('<', i + 1);
        }
        return false;
    }

    /**
     * Makes sure no tag can be read out of plain text: a {@code <} directly followed by a letter,
     * {@code /}, {@code !} or {@code ?} gets a space after it, which HTML parsers read as text.
     */
    static String defuseTags(String s) {
        if (!looksLikeTag(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c);
            if (c == '<' && i + 1 < s.length() && isTagStart(s.charAt(i + 1))) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
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
