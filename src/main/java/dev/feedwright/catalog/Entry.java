package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.util.Comparator;

/**
 * One appearance of an article in a story: the story's primary article ({@code index} 0) or one
 * of its related articles ({@code index} 1 and up).
 *
 * @param canonical the article's canonical link as first read ({@link CanonicalLinks#of}), which
 *                  decides whether two entries are the same article
 * @param link      the address to publish: the link as read, or where a link check found it moved
 * @param coverage  how many distinct articles with live links the whole story has, this one
 *                  included ({@code story} may hold only the first of them)
 */
public record Entry(Article article, Story story, int index, String canonical, String link, int coverage) {

    /** An entry whose story holds all its articles. */
    public Entry(Article article, Story story, int index, String canonical, String link) {
        this(article, story, index, canonical, link, -1);
    }

    /**
     * Feed order, the same as {@link Candidate#ORDER}: newest first; then by the canonical link's
     * hash, primary before related, a link in its canonical form before one that is not, source
     * file and position, so that the order is total and does not depend on the order files were
     * read in.
     */
    public static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.article().published()).reversed()
            .thenComparingLong(e -> Hash64.of(e.canonical()))
            .thenComparing(Entry::isPrimary, Comparator.reverseOrder())
            .thenComparing(e -> e.article().link().equals(e.canonical()), Comparator.reverseOrder())
            .thenComparing(e -> e.story().source())
            .thenComparingInt(Entry::index);

    public boolean isPrimary() {
        return index == 0;
    }
}
