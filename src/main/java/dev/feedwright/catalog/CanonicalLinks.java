package dev.feedwright.catalog;

/**
 * The canonical form of a normalised link, used to tell whether two articles are the same: the
 * fragment and every {@code utm_*} tracking parameter are dropped (scheme and host are already
 * lower case).
 */
public final class CanonicalLinks {

    private CanonicalLinks() {
    }

    public static String canonical(String link) {
        int hash = link.indexOf('#');
        String s = hash >= 0 ? link.substring(0, hash) : link;
        int question = s.indexOf('?');
        if (question < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, question);
        char separator = '?';
        for (String param : s.substring(question + 1).split("&")) {
            if (param.isEmpty() || param.regionMatches(true, 0, "utm_", 0, 4)) {
                continue;
            }
            out.append(separator).append(param);
            separator = '&';
        }
        return out.toString();
    }
}
