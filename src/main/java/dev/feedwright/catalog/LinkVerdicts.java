package dev.feedwright.catalog;

import java.util.Set;

/**
 * What link checks found out about the articles' links: which are gone for good and where moved
 * ones went. The catalog asks it for every article; without link checks every link stands as read.
 */
@FunctionalInterface
public interface LinkVerdicts {

    /** Every link stands as it was read: what an export without link checks uses. */
    LinkVerdicts NONE = link -> link;

    /**
     * The address to publish for a link as first read from the corpus.
     *
     * @return the link itself, the final address it permanently moved to, or null when it is
     *         confirmed dead and the article must leave the feeds
     */
    String resolve(String link);

    /**
     * Every link {@link #resolve} maps to null, so that articles known only by the hash of their
     * link can be left out too; verdicts that drop links list them here.
     */
    default Set<String> dead() {
        return Set.of();
    }

    /**
     * A digest of every verdict that changes a feed: when it differs from the last export's, the
     * feeds are rendered again.
     */
    default String fingerprint() {
        return "";
    }
}
