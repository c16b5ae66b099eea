package dev.feedwright.publish;

import dev.feedwright.catalog.CanonicalLinks;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.CorpusNames;
import dev.feedwright.catalog.Entry;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.catalog.Hash64;
import dev.feedwright.catalog.ItemIds;
import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.config.FeedsConfig;
import dev.feedwright.config.SiteConfig;
import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.ArticleType;
import dev.feedwright.corpus.Image;
import dev.feedwright.text.Markup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a catalog feed into the {@link FeedDocument} that all writers render: titles and
 * descriptions, stable ids, dates, images with their types, and the HTML list of other outlets'
 * coverage. Every decision about content is made here, once, for all formats.
 */
public final class FeedAssembler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /**
     * The date of a feed without items: the earliest date the corpus accepts, fixed so that the
     * same input gives the same bytes. (The epoch made feed validators report an implausible date.)
     */
    public static final Instant NO_ITEMS = Instant.parse("1990-01-01T00:00:00Z");

    /** The milliseconds over which entries that share a publication second spread their {@code updated}. */
    private static final int SAME_DATE_SPREAD_MILLIS = 900;

    private final SiteConfig site;
    private final FeedsConfig feeds;
    private final LinkVerdicts verdicts;
    private final Instant notAfter;
    private final List<Pattern> skipImages;

    /** An assembler for exports without link checks. */
    public FeedAssembler(SiteConfig site, FeedsConfig feeds) {
        this(site, feeds, LinkVerdicts.NONE);
    }

    /** @param verdicts what link checks found, applied to the links of other outlets' coverage */
    public FeedAssembler(SiteConfig site, FeedsConfig feeds, LinkVerdicts verdicts) {
        this(site, feeds, verdicts, Instant.MAX);
    }

    /**
     * @param verdicts what link checks found, applied to the links of other outlets' coverage
     * @param notAfter articles published after this instant are held back: no coverage list names
     *                 them (the catalog holds them back from the items, and counts only the others)
     */
    public FeedAssembler(SiteConfig site, FeedsConfig feeds, LinkVerdicts verdicts, Instant notAfter) {
        this.site = site;
        this.feeds = feeds;
        this.verdicts = verdicts;
        this.notAfter = notAfter;
        this.skipImages = feeds.skipImagePatterns();
    }

    /**
     * The feed's document. Every item's {@code updated} is its publication date, but for items that
     * share their date with another of the feed: readers and the validator take two entries with one
     * date as a conflict, so each of those is a few milliseconds later (publication dates are whole
     * seconds), by an offset made from its own id. An entry so keeps its date while others of the
     * same second come and go, and has the same date in every feed that shares the clash.
     */
    public FeedDocument assemble(CatalogFeed feed, FeedSet set) {
        List<FeedItem> items = new ArrayList<>(feed.entries().size());
        Map<Instant, Integer> sharing = new HashMap<>();
        for (Entry entry : feed.entries()) {
            sharing.merge(entry.article().published(), 1, Integer::sum);
        }
        Set<Instant> updatedDates = new HashSet<>();
        Instant newest = NO_ITEMS;
        for (Entry entry : feed.entries()) {
            String id = ItemIds.of(CanonicalLinks.forId(entry.article()));
            Instant updated = entry.article().published();
            if (sharing.get(updated) > 1) {
                updated = updated.plusMillis(1 + Math.floorMod(Hash64.of(id), SAME_DATE_SPREAD_MILLIS));
            }
            while (!updatedDates.add(updated)) {
                updated = updated.plusMillis(1);
            }
            newest = updated.isAfter(newest) ? updated : newest;
            items.add(item(entry, id, set, updated));
        }
        return new FeedDocument(feed.key(), title(feed), description(feed), site.language(), newest,
                feeds.refresh(), items);
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
            case PROVIDER -> "The newest articles from " + withDomain(feed.name(), feed.domain()) + ", from "
                    + site.title() + ".";
        };
    }

    /** A provider's name with its domain after it, unless the name is the domain or has it already. */
    private static String withDomain(String name, String domain) {
        String shown = CorpusNames.shownDomain(domain);
        return name.equals(domain) || name.equals(shown) || name.endsWith(" (" + shown + ")") ? name
                : name + " (" + shown + ")";
    }

    /**
     * @param id the item's id: one id for one article, made from the link the feeds dedupe by, so
     *           that an AMP page given as an article's link has its plain page's id, as it is its
     *           plain page's article (two items with one id, or an id that changed when the newest
     *           listing was the AMP page, otherwise)
     */
    private FeedItem item(Entry entry, String id, FeedSet set, Instant updated) {
        Article article = entry.article();
        String summary = summary(article);
        return new FeedItem(
                id,
                article.title(),
                entry.link(),
                article.published(),
                updated,
                summary,
                content(summary, entry),
                entry.story().topics(),
                article.provider().name(),
                set.providerKey(article.provider().domain()),
                image(article));
    }

    /** The excerpt, or for an article without one a sentence saying what and whose it is. */
    private static String summary(Article article) {
        if (!article.excerpt().isEmpty()) {
            return article.excerpt();
        }
        return (article.type() == ArticleType.VIDEO ? "A video from " : "An article from ")
                + article.provider().name() + ".";
    }

    /**
     * The article's first image that no {@code feeds.skipImages} pattern finds; for a YouTube video
     * without one, the picture YouTube serves for it; else none.
     */
    private ItemImage image(Article article) {
        for (Image image : article.images()) {
            if (skipImages.stream().noneMatch(skip -> skip.matcher(image.url()).find())) {
                return new ItemImage(image.url(), image.width(), image.height(), ItemImage.mediaTypeOf(image.url()));
            }
        }
        return YouTubeThumbnails.of(article).orElse(null);
    }

    /**
     * The item's HTML content: the summary as a paragraph, then an HTML list of the story's other
     * articles; or null when the story has none. Readers show the content in place of the summary
     * (RSS {@code content:encoded} over {@code description}, Atom {@code content} over
     * {@code summary}, JSON {@code content_html} over {@code summary}), so the content repeats
     * it: a list of links alone would hide the article's own words. A story's own item lists up
     * to {@code feeds.relatedLinks} other articles; the item of a related article (in its
     * provider's feed) lists only the story's lead article and counts the rest, so that provider
     * feeds stay about their provider.
     */
    private String content(String summary, Entry entry) {
        int limit = entry.isPrimary() ? feeds.relatedLinks() : Math.min(1, feeds.relatedLinks());
        if (limit == 0) {
            return null;
        }
        List<Covered> others = otherArticles(entry);
        if (others.isEmpty()) {
            return null;
        }
        int shown = Math.min(others.size(), limit);
        StringBuilder html = new StringBuilder(256 + summary.length() + 160 * shown);
        html.append("<p>").append(Markup.escapeText(summary)).append("</p>\n");
        html.append("<p>More coverage of this story:</p>\n<ul>\n");
        for (Covered other : others.subList(0, shown)) {
            Article article = other.article();
            html.append("<li><a href=\"").append(Markup.escape(other.link())).append("\">")
                    .append(Markup.escapeText(article.title())).append("</a> — ")
                    .append(Markup.escapeText(article.provider().name())).append(", ")
                    .append(DAY.format(article.published())).append("</li>\n");
        }
        html.append("</ul>");
        int more = (entry.coverage() > 0 ? entry.coverage() - 1 : others.size()) - shown;
        if (more > 0) {
            html.append("\n<p>And ").append(more).append(" more.</p>");
        }
        return html.toString();
    }

    /** Another article of the same story, with the address to link to. */
    private record Covered(Article article, String link) {
    }

    /**
     * The story's other articles, once each, without those whose link is confirmed dead or that
     * are held back for their date. Such an article is passed over before it counts as seen: the
     * same article may come again under a live link (without tracking parameters, say) or an
     * earlier date, as the catalog counts it in the coverage.
     */
    private List<Covered> otherArticles(Entry entry) {
        List<Article> all = new ArrayList<>(entry.story().articleCount());
        all.add(entry.story().primary());
        all.addAll(entry.story().related());
        Set<String> seen = new HashSet<>();
        seen.add(entry.canonical());
        List<Covered> others = new ArrayList<>();
        for (Article article : all) {
            String link = CanonicalLinks.shown(article, verdicts);
            if (link != null && !article.published().isAfter(notAfter) && seen.add(CanonicalLinks.of(article))) {
                others.add(new Covered(article, link));
            }
        }
        return others;
    }
}
