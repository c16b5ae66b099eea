package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.CorpusConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final int ARTICLES = 1500;

    @TempDir
    static Path temp;

    private static List<ReadResult> results;

    @BeforeAll
    static void generateAndRead() throws IOException {
        Path corpus = temp.resolve("corpus");
        new CorpusGenerator(42).write(corpus, ARTICLES);
        StoryReader reader = new StoryReader(new CorpusConfig(corpus, CorpusConfig.DEFAULT_INCLUDE,
                CorpusConfig.DEFAULT_MAX_FILE_BYTES, CorpusConfig.DEFAULT_MAX_RELATED));
        results = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            files.sorted().forEach(file -> results.add(reader.read(corpus, file)));
        }
    }

    private static List<Story> stories() {
        return results.stream().filter(r -> r instanceof ReadResult.Read).map(r -> ((ReadResult.Read) r).story())
                .toList();
    }

    @Test
    void writesTheSameFilesForTheSameSeed() throws IOException {
        Path first = temp.resolve("a");
        Path second = temp.resolve("b");
        new CorpusGenerator(7).write(first, 40);
        new CorpusGenerator(7).write(second, 40);

        try (Stream<Path> files = Files.list(first)) {
            for (Path file : files.toList()) {
                assertThat(second.resolve(file.getFileName())).hasSameBinaryContentAs(file);
            }
        }
        assertThat(Files.list(second).count()).isEqualTo(40);
    }

    @Test
    void writesFilesTheReaderTakesExceptAFewBrokenOnes() {
        long skipped = results.stream().filter(r -> r instanceof ReadResult.Skipped).count();

        assertThat(results).hasSize(ARTICLES);
        assertThat(skipped).isBetween(1L, (long) (ARTICLES * 0.02));
    }

    @Test
    void hasTheRealCorporaShape() {
        List<Story> stories = stories();
        Set<String> topics = new HashSet<>();
        Set<String> domains = new HashSet<>();
        int withoutRelated = 0;
        int underFive = 0;
        int maxRelated = 0;
        int withImages = 0;
        int withAmp = 0;
        int videos = 0;
        for (Story story : stories) {
            topics.addAll(story.topics());
            domains.add(story.primary().provider().domain());
            story.related().forEach(a -> domains.add(a.provider().domain()));
            int related = story.related().size();
            withoutRelated += related == 0 ? 1 : 0;
            underFive += related < 5 ? 1 : 0;
            maxRelated = Math.max(maxRelated, related);
            withImages += story.primary().images().isEmpty() ? 0 : 1;
            withAmp += story.primary().ampLinks().isEmpty() ? 0 : 1;
            videos += story.primary().type() == ArticleType.VIDEO ? 1 : 0;
        }
        int n = stories.size();
        assertThat(topics).hasSizeBetween(25, 30);
        assertThat(domains).hasSizeBetween(350, 600);
        assertThat(maxRelated).isBetween(100, 180);
        assertThat((double) underFive / n).isBetween(0.5, 0.7);
        assertThat((double) withoutRelated / n).isBetween(0.25, 0.45);
        assertThat((double) withImages / n).isBetween(0.6, 0.73);
        assertThat((double) withAmp / n).isBetween(0.15, 0.25);
        assertThat(videos).isPositive();
    }

    @Test
    void includesTheQuirksOfRealCorpora() {
        List<Story> stories = stories();

        assertThat(stories).anySatisfy(s -> assertThat(s.primary().title()).contains("what’s next"));
        assertThat(stories).anySatisfy(s -> assertThat(s.primary().title()).contains("– R&D …"));
        assertThat(stories).anySatisfy(s -> assertThat(s.primary().embedUrl()).startsWith("https://www.youtube.com/embed/"));
        long repeated = stories.stream().flatMap(s -> s.related().stream()).map(Article::link).distinct().count();
        long total = stories.stream().mapToLong(s -> s.related().size()).sum();
        assertThat(repeated).isLessThan(total);
    }
}
