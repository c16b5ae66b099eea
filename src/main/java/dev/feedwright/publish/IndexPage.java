package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.config.SiteConfig;
import dev.feedwright.text.Markup;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes {@code index.html}: a plain page listing every feed with its formats, for people who
 * arrive with a browser, with autodiscovery links so that a reader given the page's address finds
 * the main feed. Every value is escaped; the page needs no script.
 */
public final class IndexPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final SiteConfig site;
    private final FeedLayout layout;

    public IndexPage(SiteConfig site, FeedLayout layout) {
        this.site = site;
        this.layout = layout;
    }

    public byte[] write(List<FeedSummary> feeds) {
        StringBuilder html = new StringBuilder(4096 + 256 * feeds.size());
        String title = Markup.escape(site.title());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n");
        for (Format format : Format.values()) {
            html.append("<link rel=\"alternate\" type=\"").append(format.mediaType()).append("\" title=\"")
                    .append(Markup.escape("All stories — " + site.title())).append("\" href=\"")
                    .append(Markup.escape(layout.url(FeedKey.ALL, format))).append("\">\n");
        }
        html.append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.5}table{border-collapse:collapse;width:100%}th,td{text-align:left;")
                .append("padding:.25rem .5rem;border-bottom:1px solid #ddd}td.n{text-align:right}</style>\n")
                .append("</head>\n<body>\n<h1>").append(title).append("</h1>\n<p>")
                .append(Markup.escape(site.description())).append("</p>\n")
                .append("<p>Every story: ").append(formatLinks(FeedKey.ALL))
                .append(". Everything at once: <a href=\"").append(Markup.escape(layout.url(FeedLayout.OPML)))
                .append("\">feeds.opml</a> (import it into your feed reader).</p>\n");
        table(html, "Topics", "Topic", feeds, FeedKind.TOPIC);
        table(html, "Providers", "Provider", feeds, FeedKind.PROVIDER);
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void table(StringBuilder html, String heading, String column, List<FeedSummary> feeds, FeedKind kind) {
        List<FeedSummary> rows = feeds.stream().filter(f -> f.key().kind() == kind).toList();
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h2>").append(heading).append("</h2>\n<table>\n<tr><th>").append(column)
                .append("</th><th>Items</th><th>Newest</th><th>Feeds</th></tr>\n");
        for (FeedSummary feed : rows) {
            html.append("<tr><td>").append(Markup.escape(feed.name())).append("</td><td class=\"n\">")
                    .append(feed.items()).append("</td><td>")
                    .append(feed.newest() == null ? "" : DAY.format(feed.newest())).append("</td><td>")
                    .append(formatLinks(feed.key())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private String formatLinks(FeedKey key) {
        StringBuilder links = new StringBuilder();
        for (Format format : Format.values()) {
            if (links.length() > 0) {
                links.append(" · ");
            }
            links.append("<a href=\"").append(Markup.escape(layout.url(key, format))).append("\">")
                    .append(label(format)).append("</a>");
        }
        return links.toString();
    }

    private static String label(Format format) {
        return switch (format) {
            case RSS -> "RSS";
            case ATOM -> "Atom";
        };
    }
}
