package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.ArticleType;
import dev.feedwright.corpus.Image;
import dev.feedwright.corpus.Provider;
import dev.feedwright.corpus.Story;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made stories for catalog and publish tests, built as the corpus reader would leave them.
 * Only what a test names differs from a plain default: the provider defaults to the link's host,
 * the title to one made from the link, the date to {@link #T0}.
 */
public final class Stories {

    /** The date articles get when a test does not care. */
    public static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private Stories() {
    }

    public static ArticleBuilder article(String link) {
        return new ArticleBuilder(link);
    }

    /** A story from the corpus file {@code source}. */
    public static Story story(String source, Article primary, List<String> topics, Article... related) {
        return new Story(primary, topics, List.of(related), source, "");
    }

    /** A catalog holding {@code stories}, added in the given order. */
    public static Catalog catalog(int limit, List<Story> stories) {
        Catalog catalog = new Catalog(limit);
        stories.forEach(catalog::add);
        return catalog;
    }

    /** The feed of {@code set} with this kind and slug; fails the test when there is none. */
    public static CatalogFeed feed(FeedSet set, FeedKind kind, String slug) {
        FeedKey key = kind == FeedKind.ALL ? FeedKey.ALL : new FeedKey(kind, slug);
        return set.feeds().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no feed " + key + " in " + set.feeds().stream()
                        .map(CatalogFeed::key).toList()));
    }

    /** Builds an {@link Article}; every part has a default. */
    public static final class ArticleBuilder {
        private final String link;
        private String title;
        private String excerpt = "";
        private Instant published = T0;
        private Provider provider;
        private final List<Image> images = new ArrayList<>();
        private ArticleType type = ArticleType.ARTICLE;
        private String embedUrl;
        private List<String> ampLinks = List.of();

        private ArticleBuilder(String link) {
            this.link = link;
            String host = URI.create(link).getHost();
            String domain = host.startsWith("www.") ? host.substring(4) : host;
            this.provider = new Provider(domain, domain);
            this.title = "Article at " + link;
        }

        public ArticleBuilder title(String value) {
            title = value;
            return this;
        }

        public ArticleBuilder excerpt(String value) {
            excerpt = value;
            return this;
        }

        public ArticleBuilder published(Instant value) {
            published = value;
            return this;
        }

        public ArticleBuilder published(String isoInstant) {
            return published(Instant.parse(isoInstant));
        }

        public ArticleBuilder provider(String name, String domain) {
            provider = new Provider(name, domain);
            return this;
        }

        public ArticleBuilder image(String url, int width, int height) {
            images.add(new Image(url, width, height));
            return this;
        }

        /** A video, with its player's address (or null). */
        public ArticleBuilder video(String playerUrl) {
            type = ArticleType.VIDEO;
            embedUrl = playerUrl;
            return this;
        }

        /** The article's AMP links ({@code ampWebUrl}, {@code cdnAmpWebUrl}). */
        public ArticleBuilder amp(String... links) {
            ampLinks = List.of(links);
            return this;
        }

        public Article build() {
            return new Article(title, excerpt, published, link, ampLinks, provider, images, type,
                    embedUrl, null, null, null);
        }
    }
}
