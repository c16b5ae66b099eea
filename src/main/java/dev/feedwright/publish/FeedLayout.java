package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where each file lives in the output folder and at which address it is served: {@code all.xml},
 * {@code topics/<slug>.atom}, {@code providers/<domain>.json}, {@code feeds.opml},
 * {@code index.html}, {@code feed.xsl}. Every address is absolute, built from {@code site.baseUrl}.
 */
public final class FeedLayout {

    public static final String INDEX = "index.html";
    /** The subscription list of every feed in RSS, the format every reader takes. */
    public static final String OPML = "feeds.opml";
    /** The stylesheet that shows RSS and Atom files as a page in a browser. */
    public static final String STYLESHEET = "feed.xsl";
    /** The folders below the output folder that feeds are written to; nothing else is written below it. */
    public static final List<String> FOLDERS = List.of("topics", "providers");

    private final URI baseUrl;

    public FeedLayout(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The file's path relative to the output folder, with {@code /} separators. */
    public String path(FeedKey key, Format format) {
        String file = key.slug() + "." + format.extension();
        return switch (key.kind()) {
            case ALL -> file;
            case TOPIC -> FOLDERS.get(0) + "/" + file;
            case PROVIDER -> FOLDERS.get(1) + "/" + file;
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

    /** The subscription list of every feed in one format: {@code feeds.opml} for RSS, {@code feeds-atom.opml}, ... */
    public String opmlPath(Format format) {
        return format == Format.RSS ? OPML : "feeds-" + format.extension() + ".opml";
    }

    /**
     * The stylesheet's address relative to a feed file, so that a browser finds it on the same
     * server whatever address the folder is served at.
     */
    public String stylesheetHref(FeedKey key) {
        return key.kind() == dev.feedwright.catalog.FeedKind.ALL ? STYLESHEET : "../" + STYLESHEET;
    }
}
