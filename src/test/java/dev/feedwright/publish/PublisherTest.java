package dev.feedwright.publish;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.config.FeedsConfig;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.Story;
import dev.feedwright.testing.DelegatingExecutor;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds rendered on the pool and written in order on the calling thread, a bounded number ahead. */
class PublisherTest {

    @TempDir
    Path out;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void countsADeletedFeedOnceWhateverNumberOfItsFormatFilesWent() {
        // A provider slug holds dots of its own; a topic and a provider may share a slug.
        assertThat(Publisher.deletedFeeds(List.of("providers/bbc.co.uk.xml", "providers/bbc.co.uk.atom",
                "providers/bbc.co.uk.json", "topics/ai.xml", "providers/ai.xml", "topics/ai.json")))
                .isEqualTo(3);
        assertThat(Publisher.deletedFeeds(List.of())).isZero();
    }

    @Test
    void writesTheSiteFilesWithFeedsInKeyOrderWhateverTheOrderGivenAndCountsWhatChanged() throws IOException {
        FeedSet set = feeds(50, List.of(
                story("a.md", article("https://zeta.example/1").build(), List.of("Zebra", "Apple")),
                story("b.md", article("https://alpha.example/2").build(), List.of("Mango"))));
        List<FeedSummary> shuffled = new ArrayList<>(Sample.summaries(set));
        java.util.Collections.reverse(shuffled);
        Publisher publisher = publisher(50);
        OutputFolder folder = OutputFolder.open(out, false);

        assertThat(publisher.sitePaths()).containsExactly("feeds.opml", "feeds-atom.opml", "feeds-json.opml",
                FeedLayout.STYLESHEET, FeedLayout.INDEX);
        assertThat(publisher.writeSite(shuffled, folder)).isEqualTo(5);
        assertThat(publisher.writeSite(Sample.summaries(set), folder)).isZero();

        org.jsoup.nodes.Document opml = org.jsoup.Jsoup.parse(Files.readString(out.resolve("feeds.opml")), "",
                org.jsoup.parser.Parser.xmlParser());
        assertThat(opml.select("outline[xmlUrl]").eachAttr("xmlUrl")).extracting(
                url -> url.substring("https://feeds.example.org/news/".length())).containsExactly("all.xml",
                "topics/apple.xml", "topics/mango.xml", "topics/zebra.xml", "providers/alpha.example.xml",
                "providers/zeta.example.xml");
    }

    @Test
    void writesEveryFeedInOrderWithAtMostThirtyTwoFeedsRenderedAhead() throws IOException {
        // 80 providers, one story each: 80 provider feeds, one topic feed and the all feed.
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            stories.add(story("s" + i + ".md", article("https://outlet" + i + ".example/story")
                    .title("Story " + i).provider("Outlet " + i, "outlet" + i + ".example").build(), List.of("News")));
        }
        FeedSet set = feeds(50, stories);
        Watched pool = new Watched(threads, set.feeds());

        List<Publisher.Published> published = publisher(50).render(set.feeds(), set, OutputFolder.open(out, false), pool,
                2);

        assertThat(published).extracting(Publisher.Published::feed).containsExactlyElementsOf(set.feeds());
        assertThat(published).allSatisfy(p -> assertThat(p.filesWritten()).isEqualTo(3));
        assertThat(pool.mostFeedsAhead).isEqualTo(Publisher.FEEDS_AHEAD);
        Channel outlet7 = Feeds.rss(out.resolve(new FeedLayout(Sample.SITE.baseUrl())
                .path(set.feeds().stream().filter(f -> "Outlet 7".equals(f.name())).findFirst().orElseThrow().key(),
                        Format.RSS)));
        assertThat(outlet7.getItems()).extracting(Item::getTitle).containsExactly("Story 7");
        assertThat(Feeds.files(out)).hasSize(3 * set.feeds().size());
    }

    @Test
    void rendersFewerFeedsAheadWhenTheyAreLong() throws IOException {
        Watched pool = renderLongFeeds(2);

        assertThat(pool.mostItemsAhead).isLessThanOrEqualTo(Publisher.ITEMS_AHEAD).isGreaterThan(500);
        assertThat(pool.mostFeedsAhead).isBetween(2, Publisher.ITEMS_AHEAD / 400);
        Channel all = Feeds.rss(out.resolve(new FeedLayout(Sample.SITE.baseUrl()).path(FeedKey.ALL, Format.RSS)));
        assertThat(all.getItems()).hasSize(500);
        assertThat(all.getItems().get(0).getTitle()).isEqualTo("Story 2399");
    }

    @Test
    void rendersAFeedForEveryThreadHoweverLongTheFeeds() throws IOException {
        Watched pool = renderLongFeeds(6);

        // 2,000 items would allow five feeds of 400; six threads get six.
        assertThat(pool.mostFeedsAhead).isEqualTo(6);
    }

    @Test
    void refusesToRenderWithoutAThread() {
        FeedSet set = feeds(50, Sample.stories());

        assertThatThrownBy(() -> publisher(50).render(set.feeds(), set, OutputFolder.open(out, false), threads, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be at least 1, was 0");
    }

    /**
     * Renders 2,400 stories over 6 providers and 6 topics (12 feeds of 400 items and the all feed
     * of 500) for a pool of {@code poolThreads}, and checks that every feed was published.
     */
    private Watched renderLongFeeds(int poolThreads) throws IOException {
        FeedSet set = longFeeds();
        Watched pool = new Watched(threads, set.feeds());
        List<Publisher.Published> published = publisher(500).render(set.feeds(), set, OutputFolder.open(out, false),
                pool, poolThreads);
        assertThat(published).hasSize(set.feeds().size());
        return pool;
    }

    private static FeedSet longFeeds() {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            int outlet = i % 6;
            stories.add(story("s" + i + ".md", article("https://outlet" + outlet + ".example/" + i)
                    .title("Story " + i).provider("Outlet " + outlet, "outlet" + outlet + ".example")
                    .published(Sample.NPR_DATE.plusSeconds(i)).build(), List.of("Topic " + (i / 6) % 6)));
        }
        return feeds(500, stories);
    }

    private static FeedSet feeds(int limit, List<Story> stories) {
        Catalog catalog = new Catalog(limit);
        stories.forEach(catalog::add);
        return catalog.feeds();
    }

    private static Publisher publisher(int limit) {
        FeedwrightConfig config = FeedwrightConfig.defaults().withSite(Sample.SITE)
                .withFeeds(new FeedsConfig(limit, 10, Duration.ofMinutes(15)));
        return new Publisher(config, Sample.GENERATOR);
    }

    /**
     * Runs the publisher's tasks on {@code threads}, and at each one handed over counts the feeds
     * rendered or rendering that are not yet written: the feeds handed over so far (in the order of
     * {@code feeds}) less the feeds whose three files are in the output folder.
     */
    private final class Watched extends DelegatingExecutor {
        private final List<CatalogFeed> feeds;
        private int handedOver;
        int mostFeedsAhead;
        int mostItemsAhead;

        Watched(ExecutorService threads, List<CatalogFeed> feeds) {
            super(threads);
            this.feeds = feeds;
        }

        @Override
        public void execute(Runnable task) {
            handedOver++;
            int written = filesWritten() / 3;
            mostFeedsAhead = Math.max(mostFeedsAhead, handedOver - written);
            int items = 0;
            for (CatalogFeed feed : feeds.subList(written, handedOver)) {
                items += feed.entries().size();
            }
            mostItemsAhead = Math.max(mostItemsAhead, items);
            threads.execute(task);
        }

        private int filesWritten() {
            try (Stream<Path> files = Files.walk(out)) {
                return (int) files.filter(Files::isRegularFile).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
