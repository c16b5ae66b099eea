package dev.feedwright.serve;

import java.util.Map;

/**
 * The {@code Content-Type} of every kind of file the output folder holds, each with
 * {@code charset=utf-8} because Feedwright writes nothing but UTF-8. A reader picks its parser
 * from this header, so a feed must not go out as {@code application/xml} or, worse, as
 * {@code application/octet-stream}. The repository's output folder holds a {@code README.md},
 * which Jetty knows no type for.
 */
public final class MediaTypes {

    /** File extension (lower case, without the dot) to full {@code Content-Type} value. */
    public static final Map<String, String> BY_EXTENSION = Map.of(
            "xml", "application/rss+xml;charset=utf-8",
            "atom", "application/atom+xml;charset=utf-8",
            "json", "application/feed+json;charset=utf-8",
            "opml", "text/x-opml;charset=utf-8",
            "html", "text/html;charset=utf-8",
            "xsl", "text/xsl;charset=utf-8",
            "md", "text/markdown;charset=utf-8");

    private MediaTypes() {
    }
}
