package dev.feedwright.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What goes into each feed.
 *
 * @param limit        the newest items kept per feed
 * @param relatedLinks other outlets' links listed in an item's content, at most
 * @param refresh      how often the feeds are refreshed: readers are told to poll no more often
 *                     (RSS {@code ttl}, HTTP {@code Cache-Control: max-age})
 */
public record FeedsConfig(int limit, int relatedLinks, Duration refresh) {

    public static final int MAX_LIMIT = 10_000;
    public static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    public static final Duration MAX_REFRESH = Duration.ofDays(7);

    public FeedsConfig {
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.compareTo(MIN_REFRESH) < 0 || refresh.compareTo(MAX_REFRESH) > 0) {
            throw new IllegalArgumentException("refresh must be between 1 minute and 7 days, was " + refresh);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (relatedLinks < 0) {
            throw new IllegalArgumentException("relatedLinks must not be negative, was " + relatedLinks);
        }
    }

    static FeedsConfig defaults() {
        return new FeedsConfig(50, 10, Duration.ofMinutes(15));
    }
}
