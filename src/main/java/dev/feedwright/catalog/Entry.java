package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.util.Comparator;

/**
 * One appearance of an article in a story: the story's primary article ({@code index} 0) or one
 * of its related articles ({@code index} 1 and up).
 *
 * @param canonical the canonical form of the article's link as first read, which decides whether two
 *                  entries are the same article and from which the item's id is made
 * @param link      the address to publish: the link as read, or where a link check found it moved
 */
public record Entry(Article article, Story story, int index, String canonical, String link) {

    /**
     * Feed order, and the preference among entries for the same article: newest first; then by
     * canonical link, primary before related, source file and position, so that the order is total
     * and does not depend on the order files were read in.
     */
    public static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.article().published()).reversed()
            .thenComparing(Entry::canonical)
            .thenComparing(Entry::isPrimary, Comparator.reverseOrder())
            .thenComparing(e -> e.story().source())
            .thenComparingInt(Entry::index);

    public boolean isPrimary() {
        return index == 0;
    }
}
