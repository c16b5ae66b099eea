package dev.feedwright.catalog;

import java.util.List;
import java.util.Map;

/**
 * Every feed of one export, in a stable order: the all-stories feed, then topics, then providers,
 * each by slug.
 */
public record FeedSet(List<CatalogFeed> feeds, Map<String, FeedKey> providerKeys) {

    public FeedSet {
        feeds = List.copyOf(feeds);
        providerKeys = Map.copyOf(providerKeys);
    }

    /** The key of the feed of a provider domain that appears in this set. */
    public FeedKey providerKey(String domain) {
        FeedKey key = providerKeys.get(domain);
        if (key == null) {
            throw new IllegalArgumentException("no provider feed for domain '" + domain + "'");
        }
        return key;
    }
}
