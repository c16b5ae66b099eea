package dev.feedwright.publish;

import dev.feedwright.catalog.CanonicalLinks;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.Entry;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.catalog.ItemIds;
import dev.feedwright.config.FeedsConfig;
import dev.feedwright.config.SiteConfig;
import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Image;
import dev.feedwright.text.Markup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a catalog feed into the {@link FeedDocument} that all writers render: titles and
 * descriptions, stable ids, images with their types, and the HTML list of other outlets' coverage.
 */
public final class FeedAssembler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final SiteConfig site;
    private final FeedsConfig feeds;

    public FeedAssembler(SiteConfig site, FeedsConfig feeds) {
        this.site = site;
        this.feeds = feeds;
    }

    public FeedDocument assemble(CatalogFeed feed, FeedSet set) {
        List<FeedItem> items = new ArrayList<>(feed.entries().size());
        for (Entry entry : feed.entries()) {
            items.add(item(entry, set));
        }
        Instant updated = items.isEmpty() ? Instant.EPOCH : items.get(0).published();
        return new FeedDocument(feed.key(), title(feed), description(feed), updated, items);
    }

    private String title(CatalogFeed feed) {
        return switch (feed.key().kind()) {
            case ALL -> "All stories — " + site.title();
            case TOPIC, PROVIDER -> feed.name() + " — " + site.title();
        };
    }

    private String description(CatalogFeed feed) {
        return switch (feed.key().kind()) {
            case ALL -> site.description();
            case TOPIC -> "The newest stories about " + feed.name() + ", from " + site.title() + ".";
            case PROVIDER -> "The newest articles from " + (feed.name().equals(feed.domain())
                    ? feed.domain() : feed.name() + " (" + feed.domain() + ")") + ", from " + site.title() + ".";
        };
    }

    private FeedItem item(Entry entry, FeedSet set) {
        Article article = entry.article();
        return new FeedItem(
                ItemIds.of(entry.canonical()),
                article.title(),
                article.link(),
                article.published(),
                article.excerpt(),
                coverage(entry),
                entry.story().topics(),
                article.provider().name(),
                set.providerKey(article.provider().domain()),
                image(article));
    }

    private static ItemImage image(Article article) {
        if (article.images().isEmpty()) {
            return null;
        }
        Image image = article.images().get(0);
        return new ItemImage(image.url(), image.width(), image.height(), ItemImage.mediaTypeOf(image.url()));
    }

    /** An HTML list of the story's other articles, or null when the story has none. */
    private String coverage(Entry entry) {
        if (feeds.relatedLinks() == 0) {
            return null;
        }
        List<Article> others = otherArticles(entry);
        if (others.isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder(256 + 160 * Math.min(others.size(), feeds.relatedLinks()));
        html.append("<p>More coverage of this story:</p>\n<ul>\n");
        int shown = Math.min(others.size(), feeds.relatedLinks());
        for (Article other : others.subList(0, shown)) {
            html.append("<li><a href=\"").append(Markup.escape(other.link())).append("\">")
                    .append(Markup.escapeText(other.title())).append("</a> — ")
                    .append(Markup.escapeText(other.provider().name())).append(", ")
                    .append(DAY.format(other.published())).append("</li>\n");
        }
        html.append("</ul>");
        if (others.size() > shown) {
            html.append("\n<p>And ").append(others.size() - shown).append(" more.</p>");
        }
        return html.toString();
    }

    private static List<Article> otherArticles(Entry entry) {
        List<Article> all = new ArrayList<>(entry.story().articleCount());
        all.add(entry.story().primary());
        all.addAll(entry.story().related());
        Set<String> seen = new HashSet<>();
        seen.add(entry.canonical());
        List<Article> others = new ArrayList<>();
        for (Article article : all) {
            if (seen.add(CanonicalLinks.canonical(article.link()))) {
                others.add(article);
            }
        }
        return others;
    }
}
