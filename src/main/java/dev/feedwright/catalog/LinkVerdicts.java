package dev.feedwright.catalog;

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
}
