package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import java.util.function.Predicate;

/**
 * The canonical form of a normalised link, used to tell whether two articles are the same: the
 * fragment and every {@code utm_*} tracking parameter are dropped (scheme and host are already
 * lower case), and two links that differ only by spellings of one page are one article (see
 * {@link #of}). An article whose link is one of its own AMP links stands for its plain page.
 */
public final class CanonicalLinks {

    private static final String AMP_CACHE = ".cdn.ampproject.org";

    private CanonicalLinks() {
    }

    /**
     * The canonical link of an article, which decides whether two articles are the same: that of
     * {@link #forId}, folded where outlets spell one page two ways: {@code http} is
     * {@code https}, a {@code www.} before the host is dropped ({@code https://www.timeslive.co.za/a}
     * and {@code https://timeslive.co.za/a} are one page), and so is a slash ending a path longer
     * than {@code /}, and a percent-escape's hex digits are upper case ({@code %c3%a9} is
     * {@code %C3%A9}, as RFC 3986 has it).
     */
    public static String of(Article article) {
        return folded(forId(article));
    }

    /**
     * The link an article's item id is made from: {@link #canonical} of its link, but for an
     * outlet that gave an article only its AMP page, listing that page as both the link and an AMP
     * link ({@code ampWebUrl}, {@code cdnAmpWebUrl}): such an article is the one under the plain
     * link, where the AMP marks can be told apart (see {@link #plain}). It keeps {@code www.}, so
     * that ids made before {@link #of} dropped it stay as they were.
     */
    public static String forId(Article article) {
        String link = article.link();
        return canonical(article.ampLinks().contains(link) ? plain(link) : link);
    }

    /**
     * The address an article's item or coverage entry links to: its link as the link checks
     * resolved it (null when confirmed dead), but the plain page for an article given only as its
     * AMP page (see {@link #of}), unless the checks followed that page elsewhere.
     */
    public static String shown(Article article, LinkVerdicts verdicts) {
        String link = article.link();
        String resolved = verdicts.resolve(link);
        return link.equals(resolved) && article.ampLinks().contains(link) ? plain(link) : resolved;
    }

    public static String canonical(String link) {
        return withoutParameters(withoutFragment(link), CanonicalLinks::isTracking);
    }

    /**
     * The plain page an AMP page stands for, without its fragment: a Google AMP cache address
     * ({@code https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a}) is the page it
     * caches; an {@code amp} or {@code outputType=amp} query parameter is dropped, and so is one
     * AMP mark of the path: a {@code .amp} or {@code .amphtml} ending, a last segment
     * {@code amp} ({@code /a/amp/} is {@code /a/}), or a first segment {@code amp} before others.
     * A link without these marks is returned as it is, but for the fragment.
     */
    static String plain(String link) {
        String s = uncached(withoutFragment(link));
        int pathStart = pathStart(s);
        int question = s.indexOf('?', pathStart);
        int pathEnd = question < 0 ? s.length() : question;
        return withoutParameters(s.substring(0, pathStart) + plainPath(s.substring(pathStart, pathEnd))
                + s.substring(pathEnd), CanonicalLinks::isAmpMark);
    }

    /**
     * The page a Google AMP cache address caches: {@code /c/s/host/path} (or {@code /v/s/}) for
     * https, {@code /c/host/path} for http.
     */
    private static String uncached(String s) {
        int hostEnd = pathStart(s);
        if (!s.startsWith(AMP_CACHE, hostEnd - AMP_CACHE.length()) || !s.startsWith("/", hostEnd)) {
            return s;
        }
        String rest = s.substring(hostEnd + 1);
        for (String kind : new String[] {"c/", "v/"}) {
            if (rest.startsWith(kind + "s/")) {
                return rest.length() > 4 ? "https://" + rest.substring(4) : s;
            }
            if (rest.startsWith(kind) && rest.length() > 2) {
                return "http://" + rest.substring(2);
            }
        }
        return s;
    }

    private static String plainPath(String path) {
        for (String ending : new String[] {".amphtml", ".amp"}) {
            // A path starts with '/': one that ends so has a character before the ending.
            if (path.endsWith(ending) && path.charAt(path.length() - ending.length() - 1) != '/') {
                return path.substring(0, path.length() - ending.length());
            }
        }
        if (path.endsWith("/amp/") && path.length() > "/amp/".length()) {
            return path.substring(0, path.length() - "amp/".length());
        }
        if (path.endsWith("/amp") && path.length() > "/amp".length()) {
            return path.substring(0, path.length() - "/amp".length());
        }
        if (path.startsWith("/amp/") && path.length() > "/amp/".length()) {
            return path.substring("/amp".length());
        }
        return path;
    }

    /** {@code link} (without a fragment) as {@link #of} folds it. */
    static String folded(String link) {
        String s = withoutWww(link);
        if (s.startsWith("http://")) {
            s = "https://" + s.substring("http://".length());
        }
        int pathStart = pathStart(s);
        int question = s.indexOf('?', pathStart);
        int pathEnd = question < 0 ? s.length() : question;
        if (pathEnd - pathStart > 1 && s.charAt(pathEnd - 1) == '/') {
            s = s.substring(0, pathEnd - 1) + s.substring(pathEnd);
        }
        return withUpperCaseEscapes(s);
    }

    private static String withUpperCaseEscapes(String s) {
        int percent = s.indexOf('%');
        if (percent < 0) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = percent; i < chars.length; i++) {
            if (chars[i] == '%') {
                for (int j = i + 1; j <= i + 2 && j < chars.length; j++) {
                    chars[j] = Character.toUpperCase(chars[j]);
                }
                i += 2;
            }
        }
        return new String(chars);
    }

    /** {@code link} without a {@code www.} label before a host name that goes on past it. */
    private static String withoutWww(String link) {
        int host = link.indexOf("://") + 3;
        if (host < 3 || !link.startsWith("www.", host)) {
            return link;
        }
        int dot = link.indexOf('.', host + 4);
        return dot >= 0 && dot < pathStart(link) ? link.substring(0, host) + link.substring(host + 4) : link;
    }

    private static String withoutFragment(String link) {
        int hash = link.indexOf('#');
        return hash >= 0 ? link.substring(0, hash) : link;
    }

    /** {@code s} without the query parameters {@code drop} finds, and without a query left empty. */
    private static String withoutParameters(String s, Predicate<String> drop) {
        int question = s.indexOf('?');
        if (question < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, question);
        char separator = '?';
        for (String param : s.substring(question + 1).split("&")) {
            if (param.isEmpty() || drop.test(param)) {
                continue;
            }
            out.append(separator).append(param);
            separator = '&';
        }
        return out.toString();
    }

    private static boolean isTracking(String param) {
        return param.regionMatches(true, 0, "utm_", 0, 4);
    }

    private static boolean isAmpMark(String param) {
        return param.equalsIgnoreCase("amp") || param.regionMatches(true, 0, "amp=", 0, 4)
                || param.equalsIgnoreCase("outputType=amp");
    }

    /** Where a link's path begins: at the first {@code /} or {@code ?} after its host (or at its end). */
    private static int pathStart(String s) {
        return firstOf(s, s.indexOf("://") + 3, "/?");
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
