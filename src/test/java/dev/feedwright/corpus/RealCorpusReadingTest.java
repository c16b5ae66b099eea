package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedwright.config.CorpusConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every file of the real corpus in {@code ../shared/corpus/diablo4} when it is there (a
 * developer's checkout; skipped elsewhere) and checks what must hold for any corpus: every file
 * becomes a story, and every repaired field is clean.
 */
class RealCorpusReadingTest {

    private static final Path DIABLO4 = Path.of("..", "shared", "corpus", "diablo4");

    @Test
    void readsEveryRealFileIntoCleanStories() throws IOException {
        assumeTrue(Files.isDirectory(DIABLO4), "../shared/corpus/diablo4 is not here");
        long markdownFiles;
        try (Stream<Path> files = Files.list(DIABLO4)) {
            markdownFiles = files.filter(f -> f.getFileName().toString().endsWith(".md")).count();
        }
        List<Path> found = new ArrayList<>();
        new CorpusScanner(DIABLO4, CorpusConfig.DEFAULT_INCLUDE).scan(found::add);
        assertThat(found).hasSize((int) markdownFiles);

        StoryReader reader = Fixtures.reader();
        List<ReadResult> results = found.stream().map(file -> reader.read(DIABLO4, file)).toList();
        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(ReadResult.Read.class));
        for (ReadResult result : results) {
            ReadResult.Read read = (ReadResult.Read) result;
            assertThat(read.warnings()).allSatisfy(w -> assertThat(w.message()).contains("related["));
            Story story = read.story();
            List<Article> articles = new ArrayList<>(story.related());
            articles.add(story.primary());
            for (Article article : articles) {
                assertClean(article, story.source());
            }
            assertThat(story.topics()).allSatisfy(topic -> assertThat(topic).isNotBlank().doesNotContain("â€"));
        }
    }

    private static void assertClean(Article article, String source) {
        assertThat(article.title()).as(source).isNotBlank().doesNotContain("â€", "Ã©", "&amp;", "&#");
        assertThat(article.excerpt()).as(source).doesNotContain("â€", "&amp;", "&#038;")
                .doesNotMatch("(?s).*\\p{Cntrl}.*");
        assertThat(article.link()).as(source).matches("https?://[\\x21-\\x7E]+");
        assertThat(article.provider().domain()).as(source).matches("[a-z0-9.-]+").doesNotStartWith("www.");
        assertThat(article.published()).as(source).isBetween(
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
    }
}
