package dev.feedwright.publish;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;

import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.catalog.Stories;
import dev.feedwright.config.FeedsConfig;
import dev.feedwright.config.SiteConfig;
import dev.feedwright.corpus.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A small, hand-made export shared by the publish tests: two stories about AI, one with an image of
 * a known type, markup characters and emoji in its title and five other articles (one of them the
 * same article again), the other with an image of unknown type and nothing else.
 */
public final class Sample {

    public static final SiteConfig SITE = new SiteConfig("Test Wire", "Every test story.",
            URI.create("https://feeds.example.org/news/"), "en");
    public static final FeedLayout LAYOUT = new FeedLayout(SITE.baseUrl());
    public static final Generator GENERATOR = new Generator("Feedwright", "9.9.9", "https://feedwright.example/");
    /** Two other outlets listed per item, so that the sample's first story has "2 more". */
    public static final FeedsConfig FEEDS = new FeedsConfig(50, 2, java.time.Duration.ofMinutes(15));

    public static final String BBC_TITLE = "Tom & Jerry <3 \"AI\" 'rules' 🎉";
    public static final String BBC_EXCERPT = "a < b & \"c\"";
    public static final String BBC_LINK = "https://www.bbc.com/news/ai-1?utm_source=rss";
    public static final String BBC_ID = "urn:uuid:aa033fa0-938d-55ac-9ed2-5c6b77848bd9";
    public static final Instant BBC_DATE = Instant.parse("2024-03-02T10:15:30Z");
    public static final String BBC_IMAGE = "https://ichef.bbci.co.uk/images/photo.JPG?w=640";
    public static final String GUARDIAN_LINK = "https://www.theguardian.com/tech/ai?a=1&b=2";
    public static final String NPR_RELATED_LINK = "https://www.npr.org/ai";
    public static final String NPR_LINK = "https://www.npr.org/2024/03/01/robots";
    public static final String NPR_ID = "urn:uuid:10d71e2b-c2d3-5376-ba10-a727ee7358f1";
    public static final Instant NPR_DATE = Instant.parse("2024-03-01T09:00:00Z");
    public static final String NPR_IMAGE = "https://media.npr.org/assets/img/robots";

    private Sample() {
    }

    public static List<Story> stories() {
        Story bbc = story("2024/bbc-ai.md",
                article(BBC_LINK).title(BBC_TITLE).excerpt(BBC_EXCERPT).provider("BBC News", "bbc.com")
                        .published(BBC_DATE).image(BBC_IMAGE, 640, 360).image("https://ichef.bbci.co.uk/2.png", 1, 1)
                        .build(),
                List.of("AI", "Security"),
                article(GUARDIAN_LINK).title("Guardian <take>").provider("The Guardian", "theguardian.com")
                        .published("2024-03-02T08:00:00Z").build(),
                article(NPR_RELATED_LINK).title("NPR & AI").provider("NPR", "npr.org")
                        .published("2024-03-01T07:00:00Z").build(),
                article("https://www.dw.com/ai").title("DW on AI").provider("DW", "dw.com").build(),
                article("https://www.bbc.com/news/ai-1#comments").title("Same BBC article")
                        .provider("BBC News", "bbc.com").published(BBC_DATE).build(),
                article("https://edition.cnn.com/ai").title("CNN on AI").provider("CNN", "cnn.com").build());
        Story npr = story("2024/npr-ai.md",
                article(NPR_LINK).title("Robots").provider("NPR", "npr.org").published(NPR_DATE)
                        .image(NPR_IMAGE, 0, 0).build(),
                List.of("AI"));
        return List.of(bbc, npr);
    }

    public static FeedSet feeds() {
        return feeds(stories());
    }

    public static FeedSet feeds(List<Story> stories) {
        Catalog catalog = new Catalog(FEEDS.limit());
        stories.forEach(catalog::add);
        return catalog.feeds();
    }

    /** The document of one feed of {@code set}, as the publisher would render it. */
    public static FeedDocument document(FeedSet set, FeedKind kind, String slug) {
        return new FeedAssembler(SITE, FEEDS).assemble(Stories.feed(set, kind, slug), set);
    }

    /** Summaries of every feed of {@code set}, as the index page and OPML get them. */
    public static List<FeedSummary> summaries(FeedSet set) {
        FeedAssembler assembler = new FeedAssembler(SITE, FEEDS);
        return set.feeds().stream()
                .map((CatalogFeed feed) -> FeedSummary.of(assembler.assemble(feed, set), feed.name(), feed.domain()))
                .toList();
    }

    /** Writes {@code bytes} to a new file in {@code folder}, for {@code dev.feedwright.testing.Feeds} to read. */
    public static Path file(Path folder, String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
