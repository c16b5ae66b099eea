package dev.feedwright.publish;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.corpus.Story;
import dev.feedwright.publish.rome.AtomRenderer;
import dev.feedwright.publish.rome.RssRenderer;
import dev.feedwright.testing.Feeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates, language and polling hints, decided once in the model and written by every format. */
class FeedDatesTest {

    private static final Instant SAME_SECOND = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path temp;

    private static FeedSet threeArticlesInOneSecond() {
        return articlesInOneSecond(List.of("a", "b", "c"));
    }

    /** Articles published in one second, named by the last part of their links, and one an hour earlier. */
    private static FeedSet articlesInOneSecond(List<String> names) {
        List<Story> stories = new ArrayList<>();
        for (String name : names) {
            stories.add(story(name + ".md", article("https://npr.org/" + name).published(SAME_SECOND.toString())
                    .provider("NPR", "npr.org").build(), List.of("AI")));
        }
        stories.add(story("d.md", article("https://npr.org/d").published("2024-03-01T09:00:00Z")
                .provider("NPR", "npr.org").build(), List.of("AI")));
        return Sample.feeds(stories);
    }

    private static Map<String, Instant> updatedById(FeedDocument document) {
        return document.items().stream().collect(Collectors.toMap(FeedItem::id, FeedItem::updated));
    }

    @Test
    void givesEveryItemOfAFeedADistinctUpdatedDateKeepingThePublishedOne() {
        FeedDocument ai = Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai");

        assertThat(ai.items()).extracting(FeedItem::published)
                .containsExactly(SAME_SECOND, SAME_SECOND, SAME_SECOND, Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(ai.items()).extracting(FeedItem::updated).doesNotHaveDuplicates();
        assertThat(ai.items().subList(0, 3)).extracting(FeedItem::updated)
                .allSatisfy(updated -> assertThat(updated).isAfter(SAME_SECOND).isBefore(SAME_SECOND.plusSeconds(1)));
        assertThat(ai.items().get(3).updated()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(ai.updated()).isEqualTo(ai.items().stream().map(FeedItem::updated).max(Instant::compareTo).get());
    }

    /**
     * Regression: the milliseconds went by position in the feed, so an unchanged entry's updated
     * date moved when another of the same second came or went, and differed from feed to feed.
     */
    @Test
    void anEntrysUpdatedDateStaysWhileOthersOfTheSameSecondComeAndGo() {
        Map<String, Instant> three = updatedById(Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai"));
        FeedSet more = articlesInOneSecond(List.of("a", "b", "c", "e", "f", "g", "h"));
        Map<String, Instant> seven = updatedById(Sample.document(more, FeedKind.TOPIC, "ai"));
        Map<String, Instant> provider = updatedById(Sample.document(more, FeedKind.PROVIDER, "npr.org"));

        assertThat(seven).containsAllEntriesOf(three);
        assertThat(provider).isEqualTo(seven);
    }

    @Test
    void writesAtomUpdatedDatesWithTheirMillisecondsAndPublishedToTheSecond() {
        FeedDocument ai = Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai");
        byte[] bytes = new AtomRenderer(Sample.LAYOUT, Sample.GENERATOR).render(ai);

        String xml = new String(bytes, StandardCharsets.UTF_8);
        Feed atom = Feeds.atom(Sample.file(temp, "ai.atom", bytes));

        assertThat(xml).containsPattern("<updated>2024-03-01T10:00:00\\.\\d{3}Z</updated>")
                .contains("<published>2024-03-01T10:00:00Z</published>");
        assertThat(atom.getEntries()).extracting(Entry::getUpdated).doesNotHaveDuplicates();
        assertThat(atom.getEntries()).extracting(e -> e.getPublished().toInstant()).containsOnly(SAME_SECOND,
                Instant.parse("2024-03-01T09:00:00Z"));
    }

    @Test
    void declaresTheLanguageAndTheRefreshPeriod() {
        FeedDocument ai = Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai");

        Channel rss = Feeds.rss(Sample.file(temp, "ai.xml", new RssRenderer(Sample.LAYOUT, Sample.GENERATOR).render(ai)));
        String atom = new String(new AtomRenderer(Sample.LAYOUT, Sample.GENERATOR).render(ai), StandardCharsets.UTF_8);

        assertThat(rss.getLanguage()).isEqualTo("en");
        assertThat(rss.getTtl()).isEqualTo(15);
        assertThat(atom).contains("xml:lang=\"en\"");
    }

    /** Found by a helper's hunt: 90 s gave a ttl of 1 minute, sooner than the refresh period. */
    @Test
    void roundsTheRefreshPeriodUpToWholeMinutes() {
        FeedDocument ai = Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai");
        for (int seconds : new int[] {61, 90, 119, 120}) {
            FeedDocument doc = new FeedDocument(ai.key(), ai.title(), ai.description(), ai.language(), ai.updated(),
                    java.time.Duration.ofSeconds(seconds), ai.items());
            Channel rss = Feeds.rss(Sample.file(temp, "ttl-" + seconds + ".xml",
                    new RssRenderer(Sample.LAYOUT, Sample.GENERATOR).render(doc)));
            assertThat(rss.getTtl()).as("%d s", seconds).isEqualTo(2);
        }
    }

    @Test
    void summarisesAnArticleWithoutExcerptBySayingWhatAndWhoseItIs() {
        FeedDocument npr = Sample.document(threeArticlesInOneSecond(), FeedKind.PROVIDER, "npr.org");

        assertThat(npr.items()).extracting(FeedItem::summary).containsOnly("An article from NPR.");
    }
}
