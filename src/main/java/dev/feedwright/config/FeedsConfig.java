package dev.feedwright.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What goes into each feed.
 *
 * @param limit        the newest items kept per feed
 * @param relatedLinks other outlets' links listed in an item's content, at most
 * @param refresh      how often the feeds are refreshed: readers are told to poll no more often
 *                     (RSS {@code ttl}, HTTP {@code Cache-Control: max-age})
 * @param skipImages   regular expressions; an image whose address any of them finds is not an
 *                     item's image (an outlet's placeholder), and the article's next image is
 */
public record FeedsConfig(int limit, int relatedLinks, Duration refresh, List<String> skipImages) {

    public static final int MAX_LIMIT = 10_000;
    public static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    public static final Duration MAX_REFRESH = Duration.ofDays(7);
    /**
     * Placeholders the real corpus carries as articles' images: YouTube's "your browser is not
     * supported" dinosaur (on many of its YouTube videos), Yahoo's logo, Comicbook's default
     * picture and the default image of the AMP for WordPress plugin.
     */
    public static final List<String> DEFAULT_SKIP_IMAGES = List.of(
            "^https?://(www\\.)?youtube\\.com/img/desktop/supported_browsers/",
            "^https?://s\\.yimg\\.com/cv/apiv2/social/images/yahoo_default_logo\\.png",
            "^https?://media\\.comicbook\\.com/files/images/default\\.jpg",
            "/wp-content/plugins/accelerated-mobile-pages/images/SD-default-image\\.png");

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
        skipImages = List.copyOf(skipImages);
        for (String regex : skipImages) {
            LivenessConfig.compile(regex);
        }
    }

    /** These settings with the default {@link #skipImages}. */
    public FeedsConfig(int limit, int relatedLinks, Duration refresh) {
        this(limit, relatedLinks, refresh, DEFAULT_SKIP_IMAGES);
    }

    /** {@link #skipImages}, compiled. */
    public List<Pattern> skipImagePatterns() {
        return skipImages.stream().map(LivenessConfig::compile).toList();
    }

    static FeedsConfig defaults() {
        return new FeedsConfig(50, 10, Duration.ofMinutes(15));
    }
}
