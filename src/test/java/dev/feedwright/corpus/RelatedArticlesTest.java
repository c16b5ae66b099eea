package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.CorpusConfig;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Related coverage ({@code corpus/related/mixed.md}): each related article keeps its own provider
 * and date; one that cannot be an article is dropped with a warning and the story is kept.
 */
class RelatedArticlesTest {

    private static final String MIXED = "related/mixed.md";

    private final ReadResult.Read read = Fixtures.readStory(MIXED);

    @Test
    void keepsStoryWhenSomeRelatedArticlesAreBroken() {
        assertThat(read.story().primary().title()).isEqualTo("Story with broken related coverage");
        assertThat(read.story().related()).extracting(Article::title)
                .containsExactly("Kept: own provider and date", "Kept: no provider");
    }

    @Test
    void relatedArticleKeepsItsOwnProviderAndDate() {
        Article related = read.story().related().get(0);
        assertThat(related.provider()).isEqualTo(new Provider("Second Outlet", "second.example.org"));
        assertThat(related.published()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(read.story().primary().provider()).isEqualTo(new Provider("Primary Outlet", "example.com"));
        assertThat(read.story().primary().published()).isEqualTo(Instant.parse("2021-08-29T05:09:00Z"));
    }

    @Test
    void relatedArticleWithoutProviderTakesItsOwnLinkHost() {
        Article related = read.story().related().get(1);
        assertThat(related.link()).isEqualTo("https://www.fourth.example.net/kept");
        assertThat(related.provider()).isEqualTo(new Provider("fourth.example.net", "fourth.example.net"));
    }

    @Test
    void warnsOncePerDroppedRelatedArticleNamingLineAndReason() {
        assertThat(read.warnings()).extracting(Problem::source).containsOnly(MIXED);
        assertThat(read.warnings()).extracting(Problem::line).containsExactly(15, 18, 21, 25, 28, 29);
        assertThat(read.warnings()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("related[1]", "no title", "dropped"),
                m -> assertThat(m).contains("related[2]", "no date", "dropped"),
                m -> assertThat(m).contains("related[3]", "'last week'", "dropped"),
                m -> assertThat(m).contains("related[4]", "'javascript:'", "dropped"),
                m -> assertThat(m).contains("related[5]", "no usable http(s) link", "webUrl is empty", "dropped"),
                m -> assertThat(m).contains("related[6]", "not a mapping", "dropped"));
    }

    @Test
    void keepsOnlyMaxRelatedArticlesAndWarnsAboutTheRest() {
        StoryReader reader = new StoryReader(new CorpusConfig(Path.of("corpus"), CorpusConfig.DEFAULT_INCLUDE,
                CorpusConfig.DEFAULT_MAX_FILE_BYTES, 1));
        Path root = Fixtures.root();
        ReadResult result = reader.read(root, root.resolve(MIXED));
        assertThat(result).isInstanceOfSatisfying(ReadResult.Read.class, capped -> {
            assertThat(capped.story().related()).extracting(Article::title)
                    .containsExactly("Kept: own provider and date");
            assertThat(capped.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.line()).isEqualTo(15);
                assertThat(warning.message()).contains("7 articles past corpus.maxRelated (1) were dropped");
            });
        });
    }
}
