package dev.feedwright.publish;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.catalog.CanonicalLinks;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.catalog.ItemIds;
import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.catalog.Stories;
import dev.feedwright.config.FeedsConfig;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FeedAssemblerTest {

    private final FeedSet set = Sample.feeds();

    @Test
    void titlesAndDescribesEachKindOfFeed() {
        FeedDocument all = Sample.document(set, FeedKind.ALL, "all");
        FeedDocument topic = Sample.document(set, FeedKind.TOPIC, "security");
        FeedDocument namedProvider = Sample.document(set, FeedKind.PROVIDER, "bbc.com");

        assertThat(all.title()).isEqualTo("All stories — Test Wire");
        assertThat(all.description()).isEqualTo("Every test story.");
        assertThat(topic.title()).isEqualTo("Security — Test Wire");
        assertThat(topic.description()).isEqualTo("The newest stories about Security, from Test Wire.");
        assertThat(namedProvider.title()).isEqualTo("BBC News — Test Wire");
        assertThat(namedProvider.description()).isEqualTo("The newest articles from BBC News (bbc.com), from Test Wire.");
    }

    @Test
    void describesAProviderWithoutAnAgreedNameByItsDomain() {
        FeedSet disagreeing = Sample.feeds(List.of(
                story("a.md", article("https://bbc.com/1").provider("BBC News", "bbc.com").build(), List.of()),
                story("b.md", article("https://bbc.com/2").provider("BBC Sport", "bbc.com").build(), List.of())));

        FeedDocument bbc = Sample.document(disagreeing, FeedKind.PROVIDER, "bbc.com");

        assertThat(bbc.title()).isEqualTo("bbc.com — Test Wire");
        assertThat(bbc.description()).isEqualTo("The newest articles from bbc.com, from Test Wire.");
    }

    /** Found by a helper's hunt: a name already followed by its domain had it twice in the description. */
    @Test
    void namesAProviderNamedWithItsDomainOnce() {
        FeedSet set = Sample.feeds(List.of(story("a.md",
                article("https://gamingbolt.com/1").provider("From Software", "gamingbolt.com").build(), List.of())));

        FeedDocument feed = Sample.document(set, FeedKind.PROVIDER, "gamingbolt.com");

        assertThat(feed.title()).isEqualTo("From Software (gamingbolt.com) — Test Wire");
        assertThat(feed.description())
                .isEqualTo("The newest articles from From Software (gamingbolt.com), from Test Wire.");
    }

    @Test
    void identifiesItemsByTheirCanonicalLinkButLinksAsRead() {
        FeedItem bbc = Sample.document(set, FeedKind.TOPIC, "ai").items().get(0);

        assertThat(bbc.id()).isEqualTo(ItemIds.of("https://www.bbc.com/news/ai-1")).isEqualTo(Sample.BBC_ID);
        assertThat(bbc.link()).isEqualTo(Sample.BBC_LINK);
        assertThat(bbc.title()).isEqualTo(Sample.BBC_TITLE);
        assertThat(bbc.summary()).isEqualTo(Sample.BBC_EXCERPT);
        assertThat(bbc.categories()).containsExactly("AI", "Security");
        assertThat(bbc.author()).isEqualTo("BBC News");
        assertThat(bbc.authorFeed()).isEqualTo(new FeedKey(FeedKind.PROVIDER, "bbc.com"));
    }

    @Test
    void takesTheFirstImageWithItsTypeFromTheExtension() {
        List<FeedItem> items = Sample.document(set, FeedKind.TOPIC, "ai").items();

        assertThat(items.get(0).image()).isEqualTo(new ItemImage(Sample.BBC_IMAGE, 640, 360, "image/jpeg"));
        assertThat(items.get(1).image()).isEqualTo(new ItemImage(Sample.NPR_IMAGE, 0, 0, null));
        assertThat(Sample.document(set, FeedKind.PROVIDER, "dw.com").items().get(0).image()).isNull();
    }

    @Test
    void passesOverPlaceholderImagesToTheNextOne() {
        String dinosaur = "https://www.youtube.com/img/desktop/supported_browsers/dinosaur.png";
        String yahoo = "https://s.yimg.com/cv/apiv2/social/images/yahoo_default_logo.png";
        FeedSet placeholders = Sample.feeds(List.of(
                story("a.md", article("https://news.example/a").image(yahoo, 1200, 630)
                        .image("https://news.example/a.webp", 800, 450).build(), List.of()),
                story("b.md", article("https://news.example/b").published("2024-02-01T00:00:00Z")
                        .image(dinosaur, 1200, 800).image("https://media.comicbook.com/files/images/default.jpg", 1, 1)
                        .build(), List.of())));

        List<FeedItem> items = Sample.document(placeholders, FeedKind.ALL, "all").items();

        assertThat(items.get(0).image()).isEqualTo(new ItemImage("https://news.example/a.webp", 800, 450, "image/webp"));
        assertThat(items.get(1).image()).isNull();
        FeedsConfig keepAll = new FeedsConfig(50, 2, java.time.Duration.ofMinutes(15), List.of());
        FeedItem kept = new FeedAssembler(Sample.SITE, keepAll)
                .assemble(Stories.feed(placeholders, FeedKind.ALL, "all"), placeholders).items().get(1);
        assertThat(kept.image()).isEqualTo(new ItemImage(dinosaur, 1200, 800, "image/png"));
    }

    @Test
    void givesAYouTubeVideoWithoutAnImageTheThumbnailYouTubeServes() {
        String dinosaur = "https://www.youtube.com/img/desktop/supported_browsers/dinosaur.png";
        FeedSet videos = Sample.feeds(List.of(
                story("watch.md", article("https://youtube.com/watch?v=lJJ62w01bXM").video(null)
                        .image(dinosaur, 1200, 800).build(), List.of()),
                story("player.md", article("https://www.youtube.com/c/somechannel").published("2024-02-01T00:00:00Z")
                        .video("https://www.youtube.com/embed/zB43T38ew8o").build(), List.of()),
                story("own.md", article("https://youtu.be/AxJJmLUsPRU").published("2024-01-01T00:00:00Z")
                        .image("https://i.ytimg.com/vi/AxJJmLUsPRU/maxresdefault.jpg", 1280, 720).build(), List.of()),
                story("other.md", article("https://vimeo.com/76979871").published("2023-12-01T00:00:00Z")
                        .video("https://player.vimeo.com/video/76979871").image(dinosaur, 1200, 800).build(),
                        List.of())));

        List<FeedItem> items = Sample.document(videos, FeedKind.ALL, "all").items();

        assertThat(items).extracting(FeedItem::image).containsExactly(
                new ItemImage("https://i.ytimg.com/vi/lJJ62w01bXM/hqdefault.jpg", 480, 360, "image/jpeg"),
                new ItemImage("https://i.ytimg.com/vi/zB43T38ew8o/hqdefault.jpg", 480, 360, "image/jpeg"),
                new ItemImage("https://i.ytimg.com/vi/AxJJmLUsPRU/maxresdefault.jpg", 1280, 720, "image/jpeg"),
                null);
    }

    @Test
    void datesTheDocumentByItsNewestItemAndAnEmptyOneAt1990() {
        FeedDocument ai = Sample.document(set, FeedKind.TOPIC, "ai");
        FeedDocument empty = new FeedAssembler(Sample.SITE, Sample.FEEDS)
                .assemble(new CatalogFeed(new FeedKey(FeedKind.TOPIC, "quiet"), "Quiet", null, List.of()), set);

        assertThat(ai.updated()).isEqualTo(Sample.BBC_DATE);
        assertThat(empty.updated()).isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
        assertThat(empty.items()).isEmpty();
    }

    @Test
    void listsOnlyTheLeadArticleForARelatedArticleAndCountsTheRestAfterItsSummary() {
        FeedsConfig roomy = new FeedsConfig(50, 25, java.time.Duration.ofMinutes(15));
        FeedItem guardian = new FeedAssembler(Sample.SITE, roomy)
                .assemble(Stories.feed(set, FeedKind.PROVIDER, "theguardian.com"), set)
                .items().get(0);

        assertThat(guardian.contentHtml()).isEqualTo("""
                <p>An article from The Guardian.</p>
                <p>More coverage of this story:</p>
                <ul>
                <li><a href="https://www.bbc.com/news/ai-1?utm_source=rss">Tom &amp; Jerry &lt;3 "AI" 'rules' 🎉</a> \
                — BBC News, 2024-03-02</li>
                </ul>
                <p>And 3 more.</p>""");
    }

    @Test
    void leadsWithTheSummaryWhichReadersShowContentInPlaceOfThenListsAtMostRelatedLinks() {
        FeedItem bbc = Sample.document(set, FeedKind.TOPIC, "ai").items().get(0);

        assertThat(bbc.contentHtml()).isEqualTo("""
                <p>a &lt; b &amp; "c"</p>
                <p>More coverage of this story:</p>
                <ul>
                <li><a href="https://www.theguardian.com/tech/ai?a=1&amp;b=2">Guardian &lt;take&gt;</a> \
                — The Guardian, 2024-03-02</li>
                <li><a href="https://www.npr.org/ai">NPR &amp; AI</a> — NPR, 2024-03-01</li>
                </ul>
                <p>And 2 more.</p>""");
    }

    @Test
    void leavesContentOutWhenThereIsNothingToList() {
        FeedItem lone = Sample.document(set, FeedKind.TOPIC, "ai").items().get(1);
        FeedItem unlisted = new FeedAssembler(Sample.SITE, new FeedsConfig(50, 0, java.time.Duration.ofMinutes(15)))
                .assemble(Stories.feed(set, FeedKind.TOPIC, "ai"), set).items().get(0);

        assertThat(lone.contentHtml()).isNull();
        assertThat(unlisted.contentHtml()).isNull();
    }

    @Test
    void listsALiveArticleWhoseLinkWithTrackingParametersWasFoundDeadAndCountsNoMoreThanItLeftOut() {
        // One article linked twice in its story: with utm_ parameters (a check found that link dead)
        // and without them (alive). It was left out of the coverage list, which then said "And 1 more."
        String tracked = "https://x.example/a?utm_source=feed";
        LinkVerdicts verdicts = new LinkVerdicts() {
            @Override
            public String resolve(String link) {
                return link.equals(tracked) ? null : link;
            }

            @Override
            public Set<String> dead() {
                return Set.of(tracked);
            }
        };
        Catalog catalog = new Catalog(50, Instant.MAX, verdicts);
        catalog.add(story("s.md", article("https://p.example/1").title("Lead").build(), List.of("AI"),
                article(tracked).title("Tracked").build(),
                article("https://x.example/a").title("Plain").build(),
                article("https://y.example/b").title("Other").build()));
        FeedSet stories = catalog.feeds();

        FeedItem lead = new FeedAssembler(Sample.SITE, new FeedsConfig(50, 10, java.time.Duration.ofMinutes(15)), verdicts)
                .assemble(Stories.feed(stories, FeedKind.ALL, "all"), stories).items().get(0);

        Document content = Jsoup.parseBodyFragment(lead.contentHtml());
        assertThat(content.select("li a")).extracting(a -> a.attr("href"), Element::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://x.example/a", "Plain"),
                org.assertj.core.groups.Tuple.tuple("https://y.example/b", "Other"));
        assertThat(content.select("p")).extracting(Element::text).noneMatch(p -> p.startsWith("And "));
    }

    @Test
    void listsAnArticleGivenBothUnderItsPlainLinkAndAsItsAmpPageOnceWithOneId() {
        String plain = "https://www.pocket-lint.com/games/149976-diablo-4";
        String amp = plain + ".amphtml";
        Catalog catalog = new Catalog(50, Instant.MAX, LinkVerdicts.NONE);
        catalog.add(story("s.md", article("https://p.example/1").title("Lead").build(), List.of("AI"),
                article(plain).amp(amp).title("Plain").build(),
                article(amp).amp(amp).title("AMP page").build(),
                article("https://y.example/b").title("Other").build()));
        catalog.add(story("t.md", article(amp).amp(amp).title("AMP alone").build(), List.of("Games")));
        catalog.add(story("u.md", article("https://p.example/2").title("Lead 2").build(), List.of("Sport"),
                article(amp).amp(amp).title("AMP covered").build()));
        FeedSet stories = catalog.feeds();
        FeedAssembler assembler = new FeedAssembler(Sample.SITE, new FeedsConfig(50, 10, java.time.Duration.ofMinutes(15)));

        FeedItem lead = assembler.assemble(Stories.feed(stories, FeedKind.TOPIC, "ai"), stories).items().get(0);
        FeedItem alone = assembler.assemble(Stories.feed(stories, FeedKind.TOPIC, "games"), stories).items().get(0);
        FeedItem lead2 = assembler.assemble(Stories.feed(stories, FeedKind.TOPIC, "sport"), stories).items().get(0);

        Document content = Jsoup.parseBodyFragment(lead.contentHtml());
        assertThat(content.select("li a")).extracting(Element::text).containsExactly("Plain", "Other");
        assertThat(content.select("p")).extracting(Element::text).noneMatch(p -> p.startsWith("And "));
        // The AMP page counts as its plain page's article, and has its id.
        assertThat(alone.id()).isEqualTo(ItemIds.of(CanonicalLinks.canonical(plain)))
                .isNotEqualTo(ItemIds.of(CanonicalLinks.canonical(amp)));
        // And links it: an item, and a coverage entry (found by a helper's review with feed parsers).
        assertThat(alone.link()).isEqualTo(plain);
        assertThat(Jsoup.parseBodyFragment(lead2.contentHtml()).select("li a"))
                .extracting(a -> a.attr("href"), Element::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(plain, "AMP covered"));
    }

    /**
     * Regression: an AMP page given as its article's link had the id of its own link, the id of
     * another file's article listed under that same link without saying it is an AMP page: two
     * items with one id in one feed (the W3C validator's DuplicateValue for RSS guids).
     */
    @Test
    void anAmpPageGivenAsItsArticlesLinkAndTheSameLinkGivenPlainlyAreTwoItemsWithTwoIds() {
        String amp = "https://news.example/story/amp";
        Catalog catalog = new Catalog(50, Instant.MAX, LinkVerdicts.NONE);
        catalog.add(story("x.md", article(amp).amp(amp).title("As its AMP page").build(), List.of("AI")));
        catalog.add(story("y.md", article(amp).title("Plainly").build(), List.of("AI")));
        FeedSet stories = catalog.feeds();

        List<FeedItem> items = new FeedAssembler(Sample.SITE, new FeedsConfig(50, 10, java.time.Duration.ofMinutes(15)))
                .assemble(Stories.feed(stories, FeedKind.ALL, "all"), stories).items();

        assertThat(items).extracting(FeedItem::title).containsExactlyInAnyOrder("As its AMP page", "Plainly");
        assertThat(items).extracting(FeedItem::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(ItemIds.of(CanonicalLinks.canonical("https://news.example/story")),
                        ItemIds.of(CanonicalLinks.canonical(amp)));
    }
}
