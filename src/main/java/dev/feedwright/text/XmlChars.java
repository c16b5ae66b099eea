package dev.feedwright.text;

/**
 * Drops characters that XML 1.0 cannot carry or that a feed should not: C0 and C1 controls
 * (except tab, line feed and carriage return, which become spaces later), lone surrogates,
 * non-characters, byte-order marks, the replacement character U+FFFD (what is left of bytes that
 * were not UTF-8; feed validators report it as a bad character) and the bidirectional embedding,
 * override and isolate controls that can make text display as something other than what it is.
 */
public final class XmlChars {

    private XmlChars() {
    }

    /** The text without the characters described above; the same instance when there were none. */
    public static String strip(String s) {
        int n = s.length();
        int i = firstDisallowed(s);
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (allowed(s, i)) {
                out.append(s, i, i + width);
            }
            i += width;
        }
        return out.toString();
    }

    /** The index of the first character described above, or -1 when there is none. */
    public static int firstDisallowed(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && allowed(s, i)) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i < n ? i : -1;
    }

    private static boolean allowed(String s, int index) {
        char c = s.charAt(index);
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return index + 1 < s.length() && Character.isLowSurrogate(s.charAt(index + 1))
                    && !isNonCharacter(s.codePointAt(index));
        }
        return allowedBmp(c);
    }

    private static boolean allowedBmp(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return false;
        }
        if (Character.isLowSurrogate(c) || c == '\uFEFF' || c == '\uFFFD') {
            return false;
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return false;
        }
        return !isNonCharacter(c);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
