package dev.feedwright.catalog;

import java.util.Objects;

/**
 * Identifies a feed: its kind and its slug, which is unique within the kind and safe as a file
 * name and a URL path segment (lower-case ASCII letters, digits, {@code -} and, for provider
 * domains, {@code .}).
 */
public record FeedKey(FeedKind kind, String slug) implements Comparable<FeedKey> {

    /** The key of the feed of every story. */
    public static final FeedKey ALL = new FeedKey(FeedKind.ALL, "all");

    public FeedKey {
        Objects.requireNonNull(kind, "kind");
        if (!Slugger.isSafe(slug)) {
            throw new IllegalArgumentException("not a safe slug: '" + slug + "'");
        }
    }

    @Override
    public int compareTo(FeedKey other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : slug.compareTo(other.slug);
    }
}
