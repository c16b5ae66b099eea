package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One feed, ready to render.
 *
 * @param updated the newest item's date (never the clock, so that the same input gives the same
 *                bytes), or the epoch for a feed without items
 */
public record FeedDocument(FeedKey key, String title, String description, Instant updated, List<FeedItem> items) {

    public FeedDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(updated, "updated");
        items = List.copyOf(items);
    }
}
