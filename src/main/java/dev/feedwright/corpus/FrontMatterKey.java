package dev.feedwright.corpus;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of the article format that {@link StoryMapper} reads, at any level (an article, its
 * provider, its images, its related articles). A mapping keeps their values in one slot each, so
 * that reading a field is an array access: a file holds dozens of mappings (most of its bytes are
 * related articles) and the mapper asks each for a dozen fields, most of them absent.
 */
enum FrontMatterKey {
    TITLE("title"),
    EXCERPT("excerpt"),
    PUBLISHED_DATE_TIME("publishedDateTime"),
    WEB_URL("webUrl"),
    ORIGINAL_URL("originalUrl"),
    AMP_WEB_URL("ampWebUrl"),
    CDN_AMP_WEB_URL("cdnAmpWebUrl"),
    TYPE("type"),
    FEATURED_CONTENT("featuredContent"),
    QUALITY("quality"),
    HEAT("heat"),
    PUBLISHED("published"),
    PROVIDER("provider"),
    TOPICS("topics"),
    IMAGES("images"),
    RELATED("related"),
    NAME("name"),
    DOMAIN("domain"),
    URL("url"),
    WIDTH("width"),
    HEIGHT("height");

    private static final Map<String, FrontMatterKey> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(key -> key.yaml, Function.identity()));
    static final int COUNT = values().length;

    /** The key as written in a file, for messages. */
    final String yaml;

    FrontMatterKey(String yaml) {
        this.yaml = yaml;
    }

    /** The key written as {@code text}, or null when the mapper never reads it. */
    static FrontMatterKey of(String text) {
        return BY_NAME.get(text);
    }
}
