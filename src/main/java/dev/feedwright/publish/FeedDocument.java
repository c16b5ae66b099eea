package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One feed, ready to render.
 *
 * @param language the language tag of the feed's text
 * @param updated  the newest item's {@link FeedItem#updated} date (never the clock, so that the
 *                 same input gives the same bytes), or {@link FeedAssembler#NO_ITEMS} for a feed
 *                 without items
 * @param ttl      how long readers should wait between polls
 */
public record FeedDocument(
        FeedKey key, String title, String description, String language, Instant updated, Duration ttl,
        List<FeedItem> items) {

    public FeedDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(ttl, "ttl");
        items = List.copyOf(items);
    }
}
