package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import java.net.URI;
import java.util.Objects;

/**
 * Where each file lives in the output folder and at which address it is served: {@code all.xml},
 * {@code topics/<slug>.atom}, {@code providers/<domain>.xml}, {@code feeds.opml},
 * {@code index.html}. Every address is absolute, built from {@code site.baseUrl}.
 */
public final class FeedLayout {

    public static final String INDEX = "index.html";
    public static final String OPML = "feeds.opml";

    private final URI baseUrl;

    public FeedLayout(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The file's path relative to the output folder, with {@code /} separators. */
    public String path(FeedKey key, Format format) {
        String file = key.slug() + "." + format.extension();
        return switch (key.kind()) {
            case ALL -> file;
            case TOPIC -> "topics/" + file;
            case PROVIDER -> "providers/" + file;
        };
    }

    /** The absolute address a feed is served at. */
    public String url(FeedKey key, Format format) {
        return url(path(key, format));
    }

    /** The absolute address of a file in the output folder. */
    public String url(String path) {
        return baseUrl + path;
    }

    public String indexUrl() {
        return url(INDEX);
    }
}
