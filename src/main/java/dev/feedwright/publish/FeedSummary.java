package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import java.time.Instant;

/**
 * What the index page and the OPML say about one feed.
 *
 * @param name   the topic or provider name; empty for the all-stories feed
 * @param domain the provider's domain for a provider feed, else null
 * @param title  the feed's title
 * @param items  how many items the feed holds
 * @param newest the newest item's date, or null for a feed without items
 */
public record FeedSummary(FeedKey key, String name, String domain, String title, int items, Instant newest) {

    static FeedSummary of(FeedDocument document, String name, String domain) {
        return new FeedSummary(document.key(), name, domain, document.title(), document.items().size(),
                document.items().isEmpty() ? null : document.items().get(0).published());
    }
}
