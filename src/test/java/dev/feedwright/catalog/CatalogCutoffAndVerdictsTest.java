package dev.feedwright.catalog;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.feed;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.corpus.Article;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Link checks that found these links dead, as an export passes them. */
    private static LinkVerdicts deadOnes(String... dead) {
        Set<String> links = Set.of(dead);
        return new LinkVerdicts() {
            @Override
            public String resolve(String link) {
                return links.contains(link) ? null : link;
            }

            @Override
            public Set<String> dead() {
                return links;
            }
        };
    }

    @Test
    void dropsArticlesKnownOnlyByTheirStoredKeysWhenTheirLinkIsDeadOrTheyAreDue() {
        Catalog catalog = new Catalog(10, NOW, deadOnes("https://npr.org/dead", "https://bbc.com/dead"),
                ref -> true, 10);
        catalog.offer(FileKeys.of(story("a.md", article("https://npr.org/dead").build(), List.of("AI"),
                article("https://bbc.com/dead").build(), article("https://bbc.com/alive").build())), null);
        catalog.offer(FileKeys.of(story("b.md", article("https://npr.org/alive").build(), List.of("AI"))), null);
        catalog.offer(FileKeys.of(story("c.md", article("https://npr.org/future")
                .published("2024-03-05T00:00:01Z").build(), List.of("AI"))), null);

        Map<FeedRef, List<Candidate>> chosen = catalog.selections();

        assertThat(chosen.get(FeedRef.ALL)).extracting(c -> c.file().source()).containsExactly("b.md");
        assertThat(chosen.get(FeedRef.provider("bbc.com"))).extracting(Candidate::index).containsExactly(2);
        assertThat(chosen.get(FeedRef.ALL)).allSatisfy(c -> assertThat(c.isLoaded()).isFalse());
    }

    @Test
    void refusesToRenderAChosenArticleWhoseFileWasNotReadAgain() {
        Catalog catalog = new Catalog(10, NOW, LinkVerdicts.NONE, ref -> true, 10);
        catalog.offer(FileKeys.of(story("a.md", article("https://npr.org/1").build(), List.of())), null);
        List<Candidate> all = catalog.selections().get(FeedRef.ALL);

        assertThatThrownBy(() -> Catalog.feed(FeedRef.ALL, all, new FeedNames(List.of(), Map.of()), LinkVerdicts.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a.md was not read");
    }

    @Test
    void keepsOfAStoryOnlyTheArticlesItsCoverageListCanShowAndCountsTheRest() {
        // feeds.relatedLinks 1: an item lists at most one other article, so two distinct live ones are kept.
        Catalog catalog = new Catalog(10, NOW, deadOnes("https://bbc.com/dead"), ref -> true, 1);
        catalog.add(new dev.feedwright.corpus.Story(article("https://npr.org/1").build(), List.of(), List.of(
                article("https://bbc.com/dead").build(),
                article("https://npr.org/1?utm_source=rss").build(),
                article("https://cnn.com/3").build(),
                article("https://abc.net/4").build()), "a.md", "The story's body"));

        Candidate primary = catalog.selections().get(FeedRef.ALL).get(0);

        assertThat(primary.story().related()).extracting(Article::link).containsExactly(
                "https://bbc.com/dead", "https://npr.org/1?utm_source=rss", "https://cnn.com/3");
        assertThat(primary.coverage()).isEqualTo(3);
        assertThat(primary.story().body()).isEmpty();
        Candidate last = catalog.selections().get(FeedRef.provider("abc.net")).get(0);
        assertThat(last.article().link()).isEqualTo("https://abc.net/4");
        assertThat(last.coverage()).isEqualTo(3);
    }
}
