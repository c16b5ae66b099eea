package dev.feedwright.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One feed's selection: its key, its display name and its newest entries in feed order.
 *
 * @param name    the topic name; for a provider feed the provider's name when all its articles agree
 *                on one, else its domain; for the all-stories feed empty
 * @param domain  the provider domain for a provider feed, else null
 * @param entries at most the configured limit, newest first
 */
public record CatalogFeed(FeedKey key, String name, String domain, List<Entry> entries) {

    public CatalogFeed {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }
}
