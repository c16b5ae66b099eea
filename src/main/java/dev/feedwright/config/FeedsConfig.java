package dev.feedwright.config;

/**
 * What goes into each feed.
 *
 * @param limit        the newest items kept per feed
 * @param relatedLinks other outlets' links listed in an item's content, at most
 */
public record FeedsConfig(int limit, int relatedLinks) {

    public static final int MAX_LIMIT = 10_000;

    public FeedsConfig {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (relatedLinks < 0) {
            throw new IllegalArgumentException("relatedLinks must not be negative, was " + relatedLinks);
        }
    }

    static FeedsConfig defaults() {
        return new FeedsConfig(50, 25);
    }
}
