package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item of a feed, in the form every writer renders: the single model behind RSS, Atom and
 * JSON Feed.
 *
 * @param id          the stable id (a {@code urn:uuid:} IRI)
 * @param title       plain text
 * @param link        the article's current absolute address
 * @param published   when the article was published
 * @param updated     the date feeds give as the item's last change: its publication date, made
 *                    unique within the feed (a millisecond later per item that shares it), since
 *                    Atom readers and validators take two entries with one date as a conflict
 * @param summary     plain text, never empty
 * @param contentHtml safe HTML: the summary, then a list of other outlets' coverage; null when
 *                    there is none
 * @param categories  the story's topics
 * @param author      the provider's name
 * @param authorFeed  the provider's own feed
 * @param image       the first image, or null
 */
public record FeedItem(
        String id,
        String title,
        String link,
        Instant published,
        Instant updated,
        String summary,
        String contentHtml,
        List<String> categories,
        String author,
        FeedKey authorFeed,
        ItemImage image) {

    public FeedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorFeed, "authorFeed");
        categories = List.copyOf(categories);
    }
}
