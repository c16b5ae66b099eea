package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a file's front matter maps to a {@link Story}: every field of {@code corpus/full-article/story.md}. */
class StoryMappingTest {

    private final ReadResult.Read read = Fixtures.readStory("full-article/story.md");
    private final Story story = read.story();
    private final Article primary = story.primary();

    @Test
    void namesTheSourceFileRelativeToTheCorpusFolder() {
        assertThat(story.source()).isEqualTo("full-article/story.md");
        assertThat(read.source()).isEqualTo("full-article/story.md");
    }

    @Test
    void decodesEntitiesAndRemovesMarkupInTitle() {
        assertThat(primary.title()).isEqualTo("AT&T & Verizon’s 5G plan");
    }

    @Test
    void decodesEntitiesAndRemovesScriptAndEncodedTagsInExcerpt() {
        assertThat(primary.excerpt()).isEqualTo("Carriers agree… finally today");
    }

    @Test
    void readsPublishedInstant() {
        assertThat(primary.published()).isEqualTo(Instant.parse("2021-08-29T05:09:00Z"));
    }

    @Test
    void prefersWebUrlAndNormalisesIt() {
        assertThat(primary.link()).isEqualTo("https://www.example.com/news/5g-plan?utm=a&ref=b");
    }

    @Test
    void keepsAmpLinksApartFromTheArticle() {
        assertThat(primary.ampLinks()).containsExactly(
                "https://amp.example.com/news/5g-plan",
                "https://amp-example-com.cdn.ampproject.org/c/s/amp.example.com/news/5g-plan");
    }

    @Test
    void repairsProviderNameAndNormalisesProviderDomain() {
        assertThat(primary.provider()).isEqualTo(new Provider("Example News", "example.com"));
    }

    @Test
    void keepsUsableImagesInOrderWithTheirSize() {
        assertThat(primary.images()).containsExactly(
                new Image("https://img.example.com/a.jpg", 1280, 720),
                new Image("https://cdn.example.com/b.jpg", 0, 0));
    }

    @Test
    void readsVideoTypeAndOnlyTheEmbedSource() {
        assertThat(primary.type()).isEqualTo(ArticleType.VIDEO);
        assertThat(primary.embedUrl()).isEqualTo("https://www.youtube.com/embed/abc123");
    }

    @Test
    void readsQualityHeatAndPublishedFlag() {
        assertThat(primary.quality()).isEqualTo(45);
        assertThat(primary.heat()).isEqualTo(-1);
        assertThat(primary.publishedFlag()).isTrue();
    }

    @Test
    void dropsNullAndRepeatedTopics() {
        assertThat(story.topics()).containsExactly("5G", "Telecom");
    }

    @Test
    void keepsRelatedArticleWithItsOwnProviderDateAndRepairedTitle() {
        assertThat(story.related()).hasSize(1);
        Article related = story.related().get(0);
        assertThat(related.title()).isEqualTo("Verizon — the 5G story");
        assertThat(related.excerpt()).isEqualTo("More coverage");
        assertThat(related.published()).isEqualTo(Instant.parse("2021-08-30T08:00:00Z"));
        assertThat(related.link()).isEqualTo("https://www.other.example.org/verizon");
        assertThat(related.provider()).isEqualTo(new Provider("Other Outlet", "other.example.org"));
        assertThat(related.type()).isEqualTo(ArticleType.ARTICLE);
        assertThat(related.quality()).isEqualTo(61);
        assertThat(related.heat()).isNull();
        assertThat(related.publishedFlag()).isNull();
        assertThat(story.articleCount()).isEqualTo(2);
    }

    @Test
    void dropsRelatedArticleWithoutDateWithOneWarningAndIgnoresUnknownKeys() {
        assertThat(read.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.source()).isEqualTo("full-article/story.md");
            assertThat(warning.line()).isEqualTo(50);
            assertThat(warning.message()).contains("no date").endsWith("the related article was dropped");
        });
    }

    @Test
    void keepsTheBodyAfterTheClosingFence() {
        assertThat(story.body()).isEqualTo("Body line one.\n\nBody line two.\n");
    }

    @Test
    void storyHasEmptyBodyWhenNothingFollowsTheFence() {
        assertThat(Fixtures.story("links/original-only.md").body()).isEmpty();
    }

    @Test
    void usesOriginalUrlWhenWebUrlIsAbsent() {
        assertThat(Fixtures.story("links/original-only.md").primary().link())
                .isEqualTo("https://www.original.example.com/a");
    }

    @Test
    void prefersWebUrlOverOriginalUrl() {
        assertThat(Fixtures.story("links/web-preferred.md").primary().link()).isEqualTo("https://web.example.com/a");
    }

    @Test
    void fallsBackToOriginalUrlWhenWebUrlIsUnusable() {
        assertThat(Fixtures.story("links/web-unusable.md").primary().link())
                .isEqualTo("https://original.example.com/a");
    }

    @Test
    void normalisesLinkAndAmpLinkFromTheFile() {
        Article article = Fixtures.story("links/normalised.md").primary();
        assertThat(article.link()).isEqualTo(
                "https://xn--bcher-kva.example/stra%C3%9Fe%20mit%20space/100%25?q=a&b=%C3%A9");
        assertThat(article.ampLinks()).containsExactly("https://amp.example.com/x");
    }

    @Test
    void takesProviderNameAndDomainFromLinkHostWhenProviderIsMissing() {
        assertThat(Fixtures.story("provider/no-provider.md").primary().provider())
                .isEqualTo(new Provider("news.example.org", "news.example.org"));
    }

    @Test
    void takesProviderDomainFromLinkHostWhenDomainIsMissing() {
        assertThat(Fixtures.story("provider/no-domain.md").primary().provider())
                .isEqualTo(new Provider("Example Daily", "example.com"));
    }

    @Test
    void lowerCasesProviderDomainAndDropsWww() {
        assertThat(Fixtures.story("provider/www-domain.md").primary().provider())
                .isEqualTo(new Provider("Example", "example.com"));
    }

    @Test
    void writesInternationalisedProviderDomainAsPunycode() {
        assertThat(Fixtures.story("provider/idn-domain.md").primary().provider())
                .isEqualTo(new Provider("Bücher", "xn--bcher-kva.de"));
    }

    @Test
    void takesProviderDomainFromLinkHostWhenDomainIsNoHost() {
        assertThat(Fixtures.story("provider/bad-domain.md").primary().provider())
                .isEqualTo(new Provider("Broken", "fallback.example.org"));
    }
}
