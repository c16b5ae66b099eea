package dev.feedwright.catalog;

import java.util.Objects;

/**
 * A feed as the corpus names it, before slugs are given: the all-stories feed, a topic by its
 * name, or a provider by its domain.
 *
 * @param name the topic name or the provider domain; empty for the all-stories feed
 */
public record FeedRef(FeedKind kind, String name) implements Comparable<FeedRef> {

    public static final FeedRef ALL = new FeedRef(FeedKind.ALL, "");

    public FeedRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static FeedRef topic(String name) {
        return new FeedRef(FeedKind.TOPIC, name);
    }

    public static FeedRef provider(String domain) {
        return new FeedRef(FeedKind.PROVIDER, domain);
    }

    @Override
    public int compareTo(FeedRef other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : name.compareTo(other.name);
    }
}
