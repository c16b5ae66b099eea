package dev.feedwright.catalog;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.feed;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.corpus.Article;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogCutoffAndVerdictsTest {

    private static final Instant NOW = Instant.parse("2024-03-05T00:00:00Z");

    @Test
    void holdsBackArticlesDatedAfterTheCutoff() {
        Catalog catalog = new Catalog(10, NOW, LinkVerdicts.NONE);
        Article future = article("https://npr.org/future").published("2024-03-05T00:00:01Z").build();
        Article due = article("https://npr.org/due").published("2024-03-05T00:00:00Z").build();
        catalog.add(story("future.md", future, List.of("AI")));
        catalog.add(story("due.md", due, List.of("AI")));

        FeedSet set = catalog.feeds();

        assertThat(feed(set, FeedKind.ALL, "all").entries()).extracting(e -> e.article().link())
                .containsExactly("https://npr.org/due");
        assertThat(feed(set, FeedKind.TOPIC, "ai").entries()).hasSize(1);
    }

    @Test
    void dropsArticlesWhoseLinkIsConfirmedDeadEverywhere() {
        LinkVerdicts verdicts = link -> link.contains("dead") ? null : link;
        Catalog catalog = new Catalog(10, NOW, verdicts);
        Article deadRelated = article("https://bbc.com/dead-related").build();
        catalog.add(story("a.md", article("https://npr.org/dead").build(), List.of("AI"), deadRelated));
        catalog.add(story("b.md", article("https://npr.org/alive").build(), List.of("AI"),
                article("https://bbc.com/alive-related").build()));

        FeedSet set = catalog.feeds();

        assertThat(feed(set, FeedKind.ALL, "all").entries()).extracting(Entry::link)
                .containsExactly("https://npr.org/alive");
        assertThat(feed(set, FeedKind.PROVIDER, "bbc.com").entries()).extracting(Entry::link)
                .containsExactly("https://bbc.com/alive-related");
    }

    @Test
    void publishesTheMovedLinkButKeepsTheIdOfTheLinkAsFirstRead() {
        Map<String, String> moved = Map.of("https://npr.org/old", "https://www.npr.org/new");
        Catalog catalog = new Catalog(10, NOW, link -> moved.getOrDefault(link, link));
        catalog.add(story("a.md", article("https://npr.org/old").build(), List.of("AI")));

        Entry entry = feed(catalog.feeds(), FeedKind.ALL, "all").entries().get(0);

        assertThat(entry.link()).isEqualTo("https://www.npr.org/new");
        assertThat(entry.canonical()).isEqualTo("https://npr.org/old");
        assertThat(ItemIds.of(entry.canonical())).isEqualTo(ItemIds.of("https://npr.org/old"));
    }
}
