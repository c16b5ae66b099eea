package dev.feedwright.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slugs and display names for every feed of the corpus. Slugs are given over all topic names and
 * all provider domains at once (see {@link Slugger}), so a feed's address depends only on the
 * names in the corpus, not on which feeds a run renders.
 */
public final class FeedNames {

    private final Map<String, String> topicSlugs;
    private final Map<String, String> providerSlugs;
    private final Map<String, String> providerNames;

    /**
     * @param topics        every topic name in use
     * @param providerNames every provider domain in use, with the name its feed carries
     */
    public FeedNames(Collection<String> topics, Map<String, String> providerNames) {
        this.topicSlugs = Slugger.assign(topics, false);
        this.providerSlugs = Slugger.assign(providerNames.keySet(), true);
        this.providerNames = Map.copyOf(providerNames);
    }

    /** The key of a feed, or null when the corpus no longer has its topic or provider. */
    public FeedKey key(FeedRef ref) {
        return switch (ref.kind()) {
            case ALL -> FeedKey.ALL;
            case TOPIC -> slug(FeedKind.TOPIC, topicSlugs.get(ref.name()));
            case PROVIDER -> slug(FeedKind.PROVIDER, providerSlugs.get(ref.name()));
        };
    }

    private static FeedKey slug(FeedKind kind, String slug) {
        return slug == null ? null : new FeedKey(kind, slug);
    }

    /** The name a feed shows: the topic, the provider's agreed name or its domain, empty for all stories. */
    public String displayName(FeedRef ref) {
        return switch (ref.kind()) {
            case ALL -> "";
            case TOPIC -> ref.name();
            case PROVIDER -> Objects.requireNonNullElse(providerNames.get(ref.name()), ref.name());
        };
    }

    /** The feed key of every provider domain. */
    public Map<String, FeedKey> providerKeys() {
        Map<String, FeedKey> keys = new HashMap<>();
        providerSlugs.forEach((domain, slug) -> keys.put(domain, new FeedKey(FeedKind.PROVIDER, slug)));
        return keys;
    }
}
