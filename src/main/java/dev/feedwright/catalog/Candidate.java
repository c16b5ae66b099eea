package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.util.Comparator;

/**
 * An article offered to a feed: its place in feed order and, when its file was read in this run,
 * what rendering it needs (else null: the file is read again only if the article is chosen).
 *
 * @param index   0 for the story's primary article, 1 and up for its related articles
 * @param story   the story cut to what the item's coverage list shows (see {@link Catalog}), or null
 * @param article the article itself, or null
 * @param coverage how many distinct articles with live links the whole story has, this one included
 */
public record Candidate(FileKeys file, int index, Story story, Article article, int coverage) {

    /**
     * Feed order, and the preference among candidates for the same article: newest first; then by
     * canonical link hash, primary before related, a listing whose link is already in its canonical
     * form (https, no {@code utm_*} parameters, no {@code www.}) before one whose link is not,
     * source file and position, so that the order is total and does not depend on the order files
     * were read in.
     */
    public static final Comparator<Candidate> ORDER = (a, b) -> {
        ArticleKey x = a.key();
        ArticleKey y = b.key();
        int c = Long.compare(y.published(), x.published());
        if (c == 0) {
            c = Long.compare(x.canonicalHash(), y.canonicalHash());
        }
        if (c == 0) {
            c = Boolean.compare(b.index == 0, a.index == 0);
        }
        if (c == 0) {
            c = Boolean.compare(y.linkHash() == y.canonicalHash(), x.linkHash() == x.canonicalHash());
        }
        if (c == 0) {
            c = a.file.source().compareTo(b.file.source());
        }
        return c != 0 ? c : Integer.compare(a.index, b.index);
    };

    public ArticleKey key() {
        return file.articles().get(index);
    }

    public boolean isLoaded() {
        return story != null;
    }
}
