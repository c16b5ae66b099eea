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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates, language and polling hints, decided once in the model and written by every format. */
class FeedDatesTest {

    private static final Instant SAME_SECOND = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path temp;

    private static FeedSet threeArticlesInOneSecond() {
        List<Story> stories = new ArrayList<>();
        for (String link : List.of("https://npr.org/a", "https://npr.org/b", "https://npr.org/c")) {
            stories.add(story(link.substring(link.length() - 1) + ".md",
                    article(link).published(SAME_SECOND.toString()).provider("NPR", "npr.org").build(), List.of("AI")));
        }
        stories.add(story("d.md", article("https://npr.org/d").published("2024-03-01T09:00:00Z")
                .provider("NPR", "npr.org").build(), List.of("AI")));
        return Sample.feeds(stories);
    }

    @Test
    void givesEveryItemOfAFeedADistinctUpdatedDateKeepingThePublishedOne() {
        FeedDocument ai = Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai");

        assertThat(ai.items()).extracting(FeedItem::published)
                .containsExactly(SAME_SECOND, SAME_SECOND, SAME_SECOND, Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(ai.items()).extracting(FeedItem::updated).containsExactly(SAME_SECOND,
                SAME_SECOND.plusMillis(1), SAME_SECOND.plusMillis(2), Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(ai.updated()).isEqualTo(SAME_SECOND.plusMillis(2));
    }

    @Test
    void writesAtomUpdatedDatesWithTheirMillisecondsAndPublishedToTheSecond() {
        FeedDocument ai = Sample.document(threeArticlesInOneSecond(), FeedKind.TOPIC, "ai");
        byte[] bytes = new AtomRenderer(Sample.LAYOUT, Sample.GENERATOR).render(ai);

        String xml = new String(bytes, StandardCharsets.UTF_8);
        Feed atom = Feeds.atom(Sample.file(temp, "ai.atom", bytes));

        assertThat(xml).contains("<updated>2024-03-01T10:00:00.002Z</updated>")
                .contains("<updated>2024-03-01T10:00:00.001Z</updated>")
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

    @Test
    void summarisesAnArticleWithoutExcerptBySayingWhatAndWhoseItIs() {
        FeedDocument npr = Sample.document(threeArticlesInOneSecond(), FeedKind.PROVIDER, "npr.org");

        assertThat(npr.items()).extracting(FeedItem::summary).containsOnly("An article from NPR.");
    }
}
