package dev.feedwright.catalog;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.catalog;
import static dev.feedwright.catalog.Stories.feed;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static List<String> links(CatalogFeed feed) {
        return feed.entries().stream().map(e -> e.article().link()).toList();
    }

    @Test
    void makesOneTopicFeedPerDistinctTopic() {
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://a.example/1").build(), List.of("AI", "Security")),
                story("b.md", article("https://b.example/2").published("2024-03-02T00:00:00Z").build(), List.of("AI")),
                story("c.md", article("https://c.example/3").build(), List.of()))).feeds();

        assertThat(set.feeds()).filteredOn(f -> f.key().kind() == FeedKind.TOPIC)
                .extracting(CatalogFeed::name).containsExactly("AI", "Security");
        assertThat(links(feed(set, FeedKind.TOPIC, "ai"))).containsExactly("https://b.example/2", "https://a.example/1");
        assertThat(links(feed(set, FeedKind.TOPIC, "security"))).containsExactly("https://a.example/1");
        assertThat(feed(set, FeedKind.TOPIC, "ai").domain()).isNull();
    }

    @Test
    void makesOneProviderFeedPerDomainIncludingRelatedArticles() {
        Article related = article("https://www.bbc.com/news/x").provider("BBC News", "bbc.com").build();
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://npr.org/1").provider("NPR", "npr.org").build(), List.of("AI"), related),
                story("b.md", article("https://www.bbc.com/news/y").provider("BBC News", "bbc.com").build(),
                        List.of()))).feeds();

        assertThat(set.feeds()).filteredOn(f -> f.key().kind() == FeedKind.PROVIDER)
                .extracting(f -> f.key().slug()).containsExactly("bbc.com", "npr.org");
        CatalogFeed bbc = feed(set, FeedKind.PROVIDER, "bbc.com");
        assertThat(links(bbc)).containsExactlyInAnyOrder("https://www.bbc.com/news/x", "https://www.bbc.com/news/y");
        assertThat(bbc.domain()).isEqualTo("bbc.com");
        assertThat(set.providerKey("bbc.com")).isEqualTo(bbc.key());
    }

    @Test
    void makesOneAllFeedOfPrimaryArticlesOnly() {
        Article related = article("https://related.example/r").build();
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://a.example/1").build(), List.of("AI"), related),
                story("b.md", article("https://b.example/2").build(), List.of()))).feeds();

        assertThat(set.feeds()).filteredOn(f -> f.key().kind() == FeedKind.ALL).hasSize(1);
        CatalogFeed all = feed(set, FeedKind.ALL, "all");
        assertThat(all.name()).isEmpty();
        assertThat(links(all)).containsExactlyInAnyOrder("https://a.example/1", "https://b.example/2");
    }

    @Test
    void listsFeedsAllThenTopicsThenProvidersEachBySlug() {
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://zeta.example/1").build(), List.of("Zebra", "Apple")),
                story("b.md", article("https://alpha.example/2").build(), List.of("Mango")))).feeds();

        assertThat(set.feeds()).extracting(f -> f.key().kind() + ":" + f.key().slug()).containsExactly(
                "ALL:all", "TOPIC:apple", "TOPIC:mango", "TOPIC:zebra", "PROVIDER:alpha.example",
                "PROVIDER:zeta.example");
    }

    @Test
    void ordersFeedsBySlugWhereTheNamesSortOtherwise() {
        // By name "Beta" < "alpha" and "Éclair" > "Fig"; by slug the other way round.
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://x.example/1").build(), List.of("Beta", "alpha", "Fig", "Éclair")))).feeds();

        assertThat(set.feeds()).filteredOn(f -> f.key().kind() == FeedKind.TOPIC)
                .extracting(f -> f.key().slug()).containsExactly("alpha", "beta", "eclair", "fig");
    }

    @Test
    void keepsTheNewestOfEntriesWithTheSameCanonicalLink() {
        Story older = story("a.md", article("https://x.example/a?utm_source=rss").title("Old")
                .published("2024-03-01T00:00:00Z").build(), List.of("AI"));
        Story newer = story("b.md", article("https://x.example/a#top").title("New")
                .published("2024-03-05T00:00:00Z").build(), List.of("AI"));

        for (List<Story> order : List.of(List.of(older, newer), List.of(newer, older))) {
            CatalogFeed ai = feed(catalog(10, order).feeds(), FeedKind.TOPIC, "ai");

            assertThat(ai.entries()).singleElement().satisfies(e -> {
                assertThat(e.article().title()).isEqualTo("New");
                assertThat(e.canonical()).isEqualTo("https://x.example/a");
            });
        }
    }

    @Test
    void takesAnArticleGivenOnlyAsItsAmpPageForTheArticleUnderItsPlainLink() {
        // As in the real corpus: one story lists the outlet's article by its plain link, with its
        // AMP page; another by the AMP page alone, given as both its link and its AMP link.
        String plain = "https://www.givemesport.com/1717191-diablo-4";
        String amp = plain + "?amp";
        Article asPlain = article(plain).amp(amp).title("Plain").provider("GiveMeSport", "givemesport.com")
                .published("2021-07-06T10:00:00Z").build();
        Article asAmp = article(amp).amp(amp).title("AMP").provider("GiveMeSport", "givemesport.com")
                .published("2021-07-06T09:00:00Z").build();
        List<Story> stories = List.of(
                story("a.md", article("https://npr.org/1").build(), List.of(), asPlain),
                story("b.md", article("https://ign.com/2").build(), List.of(), asAmp));

        for (List<Story> order : List.of(stories, List.of(stories.get(1), stories.get(0)))) {
            CatalogFeed feed = feed(catalog(10, order).feeds(), FeedKind.PROVIDER, "givemesport.com");

            assertThat(feed.entries()).singleElement().satisfies(e -> {
                assertThat(e.article().title()).isEqualTo("Plain");
                assertThat(e.canonical()).isEqualTo("https://givemesport.com/1717191-diablo-4");
                assertThat(CanonicalLinks.forId(e.article())).isEqualTo(plain);
            });
        }
    }

    @Test
    void prefersThePrimaryEntryWhenTheSameArticleIsAlsoRelatedAtTheSameDate() {
        Article asRelated = article("https://bbc.com/x?utm_medium=feed").provider("BBC", "bbc.com").build();
        Article asPrimary = article("https://bbc.com/x").provider("BBC", "bbc.com").build();
        List<Story> stories = List.of(
                story("a.md", article("https://npr.org/1").build(), List.of(), asRelated),
                story("z.md", asPrimary, List.of()));

        CatalogFeed bbc = feed(catalog(10, stories).feeds(), FeedKind.PROVIDER, "bbc.com");

        assertThat(bbc.entries()).singleElement().satisfies(e -> {
            assertThat(e.isPrimary()).isTrue();
            assertThat(e.story().source()).isEqualTo("z.md");
        });
    }

    @Test
    void ordersNewestFirstAndBreaksDateTiesByTheCanonicalLinksHash() {
        // Ties go by Hash64 of the canonical link (Candidate.ORDER), not by the link's text: here
        // a's hash is the lower (Hash64Test pins the values), so a comes before b.
        FeedSet set = catalog(10, List.of(
                story("1.md", article("https://x.example/b").published("2024-03-01T00:00:00Z").build(), List.of()),
                story("2.md", article("https://x.example/c").published("2024-03-03T00:00:00Z").build(), List.of()),
                story("3.md", article("https://x.example/a").published("2024-03-01T00:00:00Z").build(), List.of()),
                story("4.md", article("https://x.example/d").published("2024-03-02T00:00:00Z").build(), List.of())))
                .feeds();

        assertThat(links(feed(set, FeedKind.ALL, "all"))).containsExactly(
                "https://x.example/c", "https://x.example/d", "https://x.example/a", "https://x.example/b");
    }

    @Test
    void keepsOnlyTheNewestLimitItems() {
        List<Story> stories = new ArrayList<>();
        for (int day = 1; day <= 9; day++) {
            stories.add(story(day + ".md", article("https://x.example/" + day)
                    .published("2024-03-0" + day + "T00:00:00Z").build(), List.of("AI")));
        }

        FeedSet set = catalog(3, stories).feeds();

        assertThat(links(feed(set, FeedKind.ALL, "all")))
                .containsExactly("https://x.example/9", "https://x.example/8", "https://x.example/7");
        assertThat(feed(set, FeedKind.TOPIC, "ai").entries()).hasSize(3);
        assertThat(feed(set, FeedKind.PROVIDER, "x.example").entries()).hasSize(3);
    }

    @Test
    void namesAProviderFeedAfterTheNameItsArticlesAgreeOn() {
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://bbc.com/1").provider("BBC News", "bbc.com").build(), List.of()),
                story("b.md", article("https://bbc.com/2").provider("BBC News", "bbc.com").build(), List.of())))
                .feeds();

        assertThat(feed(set, FeedKind.PROVIDER, "bbc.com").name()).isEqualTo("BBC News");
    }

    @Test
    void namesAProviderFeedAfterItsDomainWhenNamesDisagree() {
        Story bbc = story("a.md", article("https://bbc.com/1").provider("BBC News", "bbc.com").build(), List.of());
        Story bbcSport = story("b.md", article("https://bbc.com/2").provider("BBC Sport", "bbc.com").build(), List.of());
        Story bbcAgain = story("c.md", article("https://bbc.com/3").provider("BBC News", "bbc.com").build(), List.of());

        for (List<Story> order : List.of(List.of(bbc, bbcSport, bbcAgain), List.of(bbcAgain, bbc, bbcSport))) {
            assertThat(feed(catalog(10, order).feeds(), FeedKind.PROVIDER, "bbc.com").name()).isEqualTo("bbc.com");
        }
    }

    @Test
    void givesTopicsThatFoldToOneSlugDistinctFeeds() {
        FeedSet set = catalog(10, List.of(
                story("a.md", article("https://x.example/1").build(), List.of("Café")),
                story("b.md", article("https://x.example/2").build(), List.of("cafe")))).feeds();

        List<CatalogFeed> topics = set.feeds().stream().filter(f -> f.key().kind() == FeedKind.TOPIC).toList();
        assertThat(topics).extracting(CatalogFeed::name).containsExactlyInAnyOrder("Café", "cafe");
        assertThat(feed(set, FeedKind.TOPIC, "cafe").name()).isEqualTo("Café");
        assertThat(topics).filteredOn(f -> f.name().equals("cafe")).singleElement()
                .satisfies(f -> assertThat(f.key().slug()).matches("cafe-[0-9a-f]{6}"));
    }

    @Test
    void countsStoriesAndArticles() {
        Catalog catalog = catalog(1, List.of(
                story("a.md", article("https://x.example/1").build(), List.of(), article("https://y.example/r").build()),
                story("b.md", article("https://x.example/2").build(), List.of())));

        assertThat(catalog.stories()).isEqualTo(2);
        assertThat(catalog.articles()).isEqualTo(3);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new Catalog(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be positive, was 0");
    }

    @Test
    void refusesTheKeyOfADomainWithoutAFeed() {
        FeedSet set = catalog(1, List.of(story("a.md", article("https://x.example/1").build(), List.of()))).feeds();

        assertThatThrownBy(() -> set.providerKey("y.example")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y.example");
    }
}
