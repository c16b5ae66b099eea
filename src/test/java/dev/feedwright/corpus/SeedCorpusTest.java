package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.CorpusConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The five bundled seed files in {@code seeds/}, scanned and read once as the export does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedCorpusTest {

    private static final Path SEEDS = Path.of("seeds");

    private final Map<String, ReadResult> results = new TreeMap<>();

    @BeforeAll
    void readSeeds() throws IOException {
        List<Path> files = new ArrayList<>();
        new CorpusScanner(SEEDS, CorpusConfig.DEFAULT_INCLUDE).scan(files::add);
        StoryReader reader = Fixtures.reader();
        for (Path file : files) {
            ReadResult result = reader.read(SEEDS, file);
            results.put(result.source(), result);
        }
    }

    private Story story(String name) {
        assertThat(results.get(name)).as(name).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) results.get(name)).story();
    }

    @Test
    void readsAllFiveSeedsWithoutWarnings() {
        assertThat(results).containsOnlyKeys("000_3b4be3fe1f265a52.txt", "001_31537b93d5a29298.txt",
                "002_169afeaf293fd447.txt", "003_6ccd75dcdf8505bc.txt", "004_0a03cd1b7f8cfbac.txt");
        assertThat(results.values()).allSatisfy(result -> assertThat(result)
                .isInstanceOfSatisfying(ReadResult.Read.class, read -> assertThat(read.warnings()).isEmpty()));
    }

    @Test
    void readsMediaNamaStory() {
        Story story = story("000_3b4be3fe1f265a52.txt");
        Article primary = story.primary();
        assertThat(primary.title())
                .isEqualTo("Tech companies involved in facial recognition for policing raise privacy concerns: Report");
        assertThat(primary.excerpt()).startsWith("The private sector's role in using facial recognition tech");
        assertThat(primary.published()).isEqualTo(Instant.parse("2022-01-04T13:07:00Z"));
        assertThat(primary.link())
                .isEqualTo("https://www.medianama.com/2022/01/223-facial-recognition-private-sector-involvement/");
        assertThat(primary.provider()).isEqualTo(new Provider("MediaNama", "medianama.com"));
        assertThat(primary.images()).containsExactly(new Image(
                "https://www.medianama.com/wp-content/uploads/2021/10/freestock_1463296973-e1634192759837.jpg",
                1280, 884));
        assertThat(primary.ampLinks()).isEmpty();
        assertThat(primary.type()).isEqualTo(ArticleType.ARTICLE);
        assertThat(primary.quality()).isEqualTo(45);
        assertThat(primary.heat()).isEqualTo(-1);
        assertThat(primary.publishedFlag()).isFalse();
        assertThat(story.topics()).containsExactly("Computer Vision", "AI");
        assertThat(story.body()).isBlank();
    }

    @Test
    void readsGuardianCoverageOfMediaNamaStoryWithMojibakeRepaired() {
        assertThat(story("000_3b4be3fe1f265a52.txt").related()).singleElement().satisfies(related -> {
            assertThat(related.title()).isEqualTo(
                    "US sanctioned China’s top facial recognition firm over Uyghur concerns. It still raised millions");
            assertThat(related.published()).isEqualTo(Instant.parse("2022-01-07T05:00:00Z"));
            assertThat(related.provider()).isEqualTo(new Provider("The Guardian", "theguardian.com"));
            assertThat(related.link()).isEqualTo("https://www.theguardian.com/world/2022/jan/06/"
                    + "china-sensetime-facial-recognition-uyghur-surveillance-us-sanctions");
            assertThat(related.ampLinks()).hasSize(2).first().asString()
                    .startsWith("https://amp.theguardian.com/world/2022/jan/06/");
            assertThat(related.quality()).isEqualTo(61);
            assertThat(related.images()).singleElement().satisfies(image -> {
                assertThat(image.url()).startsWith("https://i.guim.co.uk/img/media/").contains("?width=620&quality=85");
                assertThat(image.width()).isEqualTo(620);
                assertThat(image.height()).isEqualTo(372);
            });
        });
    }

    @Test
    void readsVoiceOfAmericaStory() {
        Story story = story("001_31537b93d5a29298.txt");
        assertThat(story.primary().title()).isEqualTo("Facial Recognition Technology Solves Crimes, but at What Cost?");
        assertThat(story.primary().published()).isEqualTo(Instant.parse("2021-06-17T17:16:00Z"));
        assertThat(story.primary().provider()).isEqualTo(new Provider("Voice of America", "voanews.com"));
        assertThat(story.related()).extracting(Article::provider).containsExactly(
                new Provider("Canadian Lawyer Magazine", "canadianlawyermag.com"), new Provider("TMCnet", "tmcnet.com"));
        assertThat(story.related()).extracting(Article::published).containsExactly(
                Instant.parse("2021-06-15T20:49:00Z"), Instant.parse("2021-06-16T05:33:00Z"));
    }

    @Test
    void readsSouthChinaMorningPostStoryAndRepairsEnDashInRelatedExcerpt() {
        Story story = story("002_169afeaf293fd447.txt");
        assertThat(story.primary().provider()).isEqualTo(new Provider("South China Morning Post", "scmp.com"));
        assertThat(story.primary().heat()).isEqualTo(133);
        assertThat(story.primary().publishedFlag()).isTrue();
        assertThat(story.topics()).containsExactly("Computer Vision", "AI", "AI in Security");
        assertThat(story.related()).hasSize(4);
        assertThat(story.related().get(1).excerpt())
                .startsWith("Automatic facial recognition is being deployed more and more widely – at eGates");
        assertThat(story.related().get(3).excerpt()).startsWith("\"Megvii, one of four");
    }

    @Test
    void readsNprStoryThatHasOnlyWebUrl() {
        Story story = story("003_6ccd75dcdf8505bc.txt");
        assertThat(story.primary().link()).isEqualTo(
                "https://www.npr.org/2020/06/22/881845711/tech-companies-are-limiting-police-use-of-facial-recognition-heres-why");
        assertThat(story.primary().published()).isEqualTo(Instant.parse("2020-06-23T08:00:00Z"));
        assertThat(story.related()).hasSize(8);
        assertThat(story.related().get(6).title()).isEqualTo(story.related().get(7).title());
        assertThat(story.related().get(7).link()).startsWith("https://timeslive.co.za/");
        assertThat(story.related().get(7).provider().domain()).isEqualTo("timeslive.co.za");
    }

    @Test
    void readsHarvardStoryWithElevenRelatedArticles() {
        Story story = story("004_0a03cd1b7f8cfbac.txt");
        assertThat(story.primary().provider()).isEqualTo(new Provider("Harvard Medical School", "harvard.edu"));
        assertThat(story.primary().published()).isEqualTo(Instant.parse("2021-02-18T16:24:00Z"));
        assertThat(story.related()).hasSize(11);
        assertThat(story.related().get(0).provider()).isEqualTo(new Provider("The Hill", "thehill.com"));
        assertThat(story.related().get(3).title())
                .isEqualTo("Civil rights groups ask Biden administration to oppose facial recognition");
    }
}
