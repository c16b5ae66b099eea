package dev.feedwright.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns topic names and provider domains into slugs: lower-case ASCII with accents folded and
 * every other character turned into {@code -}. A slug can never name a path outside its folder
 * (no {@code /}, no {@code ..}, never empty) nor a device file on Windows ({@code con},
 * {@code nul}, ...).
 *
 * <p>Names that fold to the same slug are told apart deterministically: the first in code-point
 * order keeps the plain slug, every other one gets a suffix made from a hash of its own name, so
 * its slug does not depend on how many other names collide.
 */
public final class Slugger {

    /** Slugs are cut to this length; a cut slug gets a hash suffix so that it stays unique. */
    public static final int MAX_LENGTH = 80;

    private static final Set<String> RESERVED = reserved();

    /** Code-point order: {@link String#compareTo} compares UTF-16 units, which sorts U+10000 and up before U+E000. */
    private static final Comparator<String> CODE_POINT_ORDER = Slugger::compareCodePoints;

    private Slugger() {
    }

    /** Slugs for a set of names, each unique; {@code keepDots} keeps {@code .} as in domain names. */
    public static Map<String, String> assign(Collection<String> names, boolean keepDots) {
        Map<String, List<String>> byBase = new TreeMap<>();
        Set<String> sorted = new TreeSet<>(CODE_POINT_ORDER);
        sorted.addAll(names);
        for (String name : sorted) {
            byBase.computeIfAbsent(base(name, keepDots), b -> new ArrayList<>()).add(name);
        }
        Map<String, String> slugs = new HashMap<>();
        Set<String> taken = new HashSet<>(byBase.keySet());
        for (Map.Entry<String, List<String>> group : byBase.entrySet()) {
            List<String> sameBase = group.getValue();
            slugs.put(sameBase.get(0), group.getKey());
            for (String name : sameBase.subList(1, sameBase.size())) {
                String slug = withHash(group.getKey(), name, 6);
                for (int length = 8; !taken.add(slug); length += 2) {
                    slug = withHash(group.getKey(), name, length);
                }
                slugs.put(name, slug);
            }
        }
        return slugs;
    }

    /**
     * Compares two strings code point by code point, a shorter one first when it is the other's
     * start (as comparing their arrays of code points would, without making them: every run sorts
     * some 600 feed names, and the arrays cost it 17 ms).
     */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length()) {
            int first = a.codePointAt(i);
            int second = b.codePointAt(i);
            if (first != second) {
                return Integer.compare(first, second);
            }
            i += Character.charCount(first);
        }
        return Integer.compare(a.length(), b.length());
    }

    /** The slug of one name before collisions with other names are resolved. */
    public static String base(String name, boolean keepDots) {
        String folded = fold(name);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (keepDots && c == '.');
            char next = keep ? c : '-';
            char last = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
            if (next == '-' && (last == '-' || last == 0)) {
                continue;
            }
            if (next == '.' && (last == '.' || last == '-' || last == 0)) {
                continue;
            }
            out.append(next);
        }
        String slug = trimSeparators(out.toString());
        if (slug.isEmpty()) {
            return withHash("x", name, 8);
        }
        if (slug.length() > MAX_LENGTH) {
            slug = withHash(trimSeparators(slug.substring(0, MAX_LENGTH - 9)), name, 8);
        }
        String first = slug.split("\\.", 2)[0];
        if (RESERVED.contains(first)) {
            // Windows takes NUL.txt and NUL.tar.gz for NUL too, so the suffix goes before the first dot.
            return withHash(first, name, 6) + slug.substring(first.length());
        }
        return slug;
    }

    /** True for strings that {@link #base} could have made: safe as a file name and a URL segment. */
    public static boolean isSafe(String slug) {
        if (slug == null || slug.isEmpty() || slug.length() > MAX_LENGTH + 16) {
            return false;
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return !slug.startsWith(".") && !slug.startsWith("-") && !slug.endsWith(".") && !slug.contains("..");
    }

    private static String fold(String name) {
        StringBuilder pre = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case 'ß' -> pre.append("ss");
                case 'æ', 'Æ' -> pre.append("ae");
                case 'œ', 'Œ' -> pre.append("oe");
                case 'ø', 'Ø' -> pre.append('o');
                case 'đ', 'Đ', 'ð', 'Ð' -> pre.append('d');
                case 'ł', 'Ł' -> pre.append('l');
                case 'þ', 'Þ' -> pre.append("th");
                case 'ı' -> pre.append('i');
                default -> pre.append(c);
            }
        }
        String decomposed = Normalizer.normalize(pre, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static String trimSeparators(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String withHash(String base, String name, int hexDigits) {
        return base + "-" + hash(name).substring(0, hexDigits);
    }

    static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Set<String> reserved() {
        Set<String> names = new HashSet<>(List.of("con", "prn", "aux", "nul"));
        for (int i = 0; i <= 9; i++) {
            names.add("com" + i);
            names.add("lpt" + i);
        }
        return Set.copyOf(names);
    }
}
