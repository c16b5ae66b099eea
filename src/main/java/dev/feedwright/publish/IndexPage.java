package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.config.SiteConfig;
import dev.feedwright.text.Markup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes {@code index.html}, the landing page for people who arrive with a browser: how to
 * subscribe, the subscription lists to import everything at once, and every topic and provider
 * with its item count, newest date and a link to each format. It carries autodiscovery links for
 * the all-stories feed in every format, so that a reader given the page's address finds them.
 * Every value is escaped; the page needs no script.
 */
public final class IndexPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5;color:#1d1d1f;\
            max-width:62rem;margin:0 auto;padding:1.5rem 1rem 3rem}\
            h1{margin:.5rem 0 .25rem}.lead{color:#555;margin-top:0}\
            .box{background:#eef5ff;border:1px solid #b9d4ff;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}\
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;\
            border-bottom:1px solid #e5e5e5;vertical-align:top}th{font-size:.85rem;color:#555}\
            td.n{text-align:right;font-variant-numeric:tabular-nums}td.d{white-space:nowrap}\
            .domain{color:#666;font-size:.85rem}a{color:#0645ad}footer{margin-top:2rem;color:#666;font-size:.85rem}""";

    private final SiteConfig site;
    private final FeedLayout layout;
    private final Generator generator;

    public IndexPage(SiteConfig site, FeedLayout layout, Generator generator) {
        this.site = site;
        this.layout = layout;
        this.generator = generator;
    }

    public byte[] write(List<FeedSummary> feeds) {
        StringBuilder html = new StringBuilder(4096 + 400 * feeds.size());
        head(html);
        html.append("<body>\n<header>\n<h1>").append(Markup.escape(site.title())).append("</h1>\n<p class=\"lead\">")
                .append(Markup.escape(site.description())).append("</p>\n</header>\n");
        subscribe(html, feeds);
        table(html, "Topics", "Topic", feeds, FeedKind.TOPIC);
        table(html, "Providers", "Provider", feeds, FeedKind.PROVIDER);
        Instant newest = feeds.stream().map(FeedSummary::newest).filter(d -> d != null).max(Instant::compareTo)
                .orElse(null);
        html.append("<footer>Written by <a href=\"").append(Markup.escape(generator.uri())).append("\">")
                .append(Markup.escape(generator.toString())).append("</a>")
                .append(newest == null ? "" : "; newest story " + DAY.format(newest)).append(".</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void head(StringBuilder html) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(Markup.escape(site.language())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(Markup.escape(site.title())).append("</title>\n");
        for (Format format : Format.values()) {
            html.append("<link rel=\"alternate\" type=\"").append(format.mediaType()).append("\" title=\"")
                    .append(Markup.escape("All stories — " + site.title() + " (" + format.label() + ")"))
                    .append("\" href=\"").append(Markup.escape(layout.url(FeedKey.ALL, format))).append("\">\n");
        }
        html.append("<style>").append(STYLE).append("</style>\n</head>\n");
    }

    private void subscribe(StringBuilder html, List<FeedSummary> feeds) {
        html.append("<section class=\"box\">\n<h2>Subscribe</h2>\n")
                .append("<p>Copy a feed's address into your feed reader (Feedly, Miniflux, FreshRSS, NetNewsWire,")
                .append(" Thunderbird, …). Every feed comes as RSS, Atom and JSON Feed: RSS works in every reader.</p>\n")
                .append("<p><strong>Every story:</strong> ").append(formatLinks(FeedKey.ALL));
        feeds.stream().filter(f -> f.key().kind() == FeedKind.ALL).findFirst().ifPresent(all -> html
                .append(" — ").append(all.items()).append(" newest stories"));
        html.append("</p>\n<p><strong>Everything at once:</strong> import ");
        Format[] formats = Format.values();
        for (int i = 0; i < formats.length; i++) {
            html.append(i == 0 ? "" : i == formats.length - 1 ? " or " : ", ").append("<a href=\"")
                    .append(Markup.escape(layout.url(layout.opmlPath(formats[i])))).append("\">")
                    .append(Markup.escape(layout.opmlPath(formats[i]))).append("</a> (")
                    .append(formats[i].label()).append(")");
        }
        html.append(" into your reader: it subscribes to every topic and provider below, in folders.</p>\n")
                .append("</section>\n");
    }

    private void table(StringBuilder html, String heading, String column, List<FeedSummary> feeds, FeedKind kind) {
        List<FeedSummary> rows = feeds.stream().filter(f -> f.key().kind() == kind).toList();
        if (rows.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>").append(heading).append(" (").append(rows.size()).append(")</h2>\n<table>\n")
                .append("<tr><th>").append(column).append("</th><th>Items</th><th>Newest</th><th>Feeds</th></tr>\n");
        for (FeedSummary feed : rows) {
            html.append("<tr><td>").append(Markup.escape(feed.name()));
            if (feed.domain() != null && !feed.domain().equals(feed.name())) {
                html.append(" <span class=\"domain\">").append(Markup.escape(feed.domain())).append("</span>");
            }
            html.append("</td><td class=\"n\">").append(feed.items()).append("</td><td class=\"d\">")
                    .append(feed.newest() == null ? "" : DAY.format(feed.newest())).append("</td><td>")
                    .append(formatLinks(feed.key())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private String formatLinks(FeedKey key) {
        StringBuilder links = new StringBuilder();
        for (Format format : Format.values()) {
            if (links.length() > 0) {
                links.append(" · ");
            }
            links.append("<a type=\"").append(format.mediaType()).append("\" href=\"")
                    .append(Markup.escape(layout.url(key, format))).append("\">").append(format.label()).append("</a>");
        }
        return links.toString();
    }
}
