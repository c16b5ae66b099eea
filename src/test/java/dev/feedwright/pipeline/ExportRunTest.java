package dev.feedwright.pipeline;

import static dev.feedwright.testing.Feeds.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.OutputConfig;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.publish.OutputLockedException;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRunTest {

    @TempDir
    Path temp;


    @Test
    void writesEveryTopicAndProviderFeedFromTheSeeds() throws IOException {
        Path out = temp.resolve("feeds");
        RunReport report = export(Feeds.seeds(), out);

        assertThat(report.filesRead()).isEqualTo(5);
        assertThat(report.filesSkipped()).isZero();
        assertThat(report.stories()).isEqualTo(5);
        List<String> files = Feeds.files(out);
        assertThat(files).filteredOn(f -> f.startsWith("topics/")).containsExactly(
                "topics/ai-in-security.atom", "topics/ai-in-security.json", "topics/ai-in-security.xml",
                "topics/ai.atom", "topics/ai.json", "topics/ai.xml",
                "topics/computer-vision.atom", "topics/computer-vision.json", "topics/computer-vision.xml");
        assertThat(files).filteredOn(f -> f.startsWith("providers/") && f.endsWith(".xml")).hasSize(28);
        assertThat(files).filteredOn(f -> f.startsWith("providers/") && f.endsWith(".atom")).hasSize(28);
        assertThat(files).filteredOn(f -> f.startsWith("providers/") && f.endsWith(".json")).hasSize(28);
        assertThat(files).contains("all.xml", "all.atom", "all.json", "feeds.opml", "feeds-atom.opml",
                "feeds-json.opml", "feed.xsl", "index.html");
        assertThat(report.publish().feeds()).isEqualTo(1 + 3 + 28);
    }

    @Test
    void topicFeedHoldsItsStoriesNewestFirstWithStableIds() throws IOException {
        Path out = temp.resolve("feeds");
        export(Feeds.seeds(), out);

        Channel rss = Feeds.rss(out.resolve("topics/ai.xml"));
        Feed atom = Feeds.atom(out.resolve("topics/ai.atom"));
        assertThat(rss.getTitle()).isEqualTo("AI — Feedwright");
        assertThat(rss.getItems()).hasSize(5);
        List<Instant> dates = rss.getItems().stream().map(i -> i.getPubDate().toInstant()).toList();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Item newest = rss.getItems().get(0);
        assertThat(newest.getTitle())
                .isEqualTo("Tech companies involved in facial recognition for policing raise privacy concerns: Report");
        assertThat(newest.getLink())
                .isEqualTo("https://www.medianama.com/2022/01/223-facial-recognition-private-sector-involvement/");
        assertThat(newest.getPubDate().toInstant()).isEqualTo(Instant.parse("2022-01-04T13:07:00Z"));
        assertThat(newest.getGuid().isPermaLink()).isFalse();
        assertThat(newest.getGuid().getValue()).isEqualTo("urn:uuid:ec0c4df8-aa2e-5361-9171-0548e665f0ba");
        assertThat(newest.getCategories()).extracting(c -> c.getValue()).containsExactly("Computer Vision", "AI");
        assertThat(newest.getSource().getUrl()).isEqualTo("http://127.0.0.1:8080/providers/medianama.com.xml");
        assertThat(newest.getSource().getValue()).isEqualTo("MediaNama");

        assertThat(atom.getEntries()).extracting(Entry::getId)
                .containsExactlyElementsOf(rss.getItems().stream().map(i -> i.getGuid().getValue()).toList());
        assertThat(atom.getOtherLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("http://127.0.0.1:8080/topics/ai.atom");
        });
        assertThat(atom.getUpdated().toInstant()).isEqualTo(Instant.parse("2022-01-04T13:07:00Z"));
        assertThat(rss.getLastBuildDate().toInstant()).isEqualTo(Instant.parse("2022-01-04T13:07:00Z"));
    }

    @Test
    void providerFeedIncludesRelatedCoverageWithItsOwnDate() throws IOException {
        Path out = temp.resolve("feeds");
        export(Feeds.seeds(), out);

        Channel guardian = Feeds.rss(out.resolve("providers/theguardian.com.xml"));
        assertThat(guardian.getTitle()).isEqualTo("The Guardian — Feedwright");
        assertThat(guardian.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getTitle())
                    .isEqualTo("US sanctioned China’s top facial recognition firm over Uyghur concerns. It still raised millions");
            assertThat(item.getPubDate().toInstant()).isEqualTo(Instant.parse("2022-01-07T05:00:00Z"));
        });
    }

    @Test
    void secondExportOfUnchangedInputRewritesNothing() throws IOException {
        Path out = temp.resolve("feeds");
        export(Feeds.seeds(), out);
        Map<String, byte[]> before = contents(out);
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        for (String file : Feeds.files(out)) {
            Files.setLastModifiedTime(out.resolve(file), old);
        }

        RunReport second = export(Feeds.seeds(), out);

        assertThat(second.publish().feedsWritten()).isZero();
        assertThat(second.publish().filesWritten()).isZero();
        assertThat(second.publish().feedsUnchanged()).isEqualTo(32);
        Map<String, byte[]> after = contents(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String file : before.keySet()) {
            assertThat(after.get(file)).as(file).isEqualTo(before.get(file));
            if (!file.startsWith(".")) {
                assertThat(Files.getLastModifiedTime(out.resolve(file))).as(file).isEqualTo(old);
            }
        }
    }

    @Test
    void feedsOfTopicsThatAreGoneAreDeletedButOtherFilesStay() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        for (String seed : Feeds.files(Feeds.seeds())) {
            Files.copy(Feeds.seeds().resolve(seed), corpus.resolve(seed));
        }
        Path out = temp.resolve("feeds");
        export(corpus, out);
        Files.writeString(out.resolve("topics/notes.txt"), "mine", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("README.md"), "mine", StandardCharsets.UTF_8);
        String securityStory = grep(corpus, "AI in Security");
        Files.delete(corpus.resolve(securityStory));

        RunReport second = export(corpus, out);

        assertThat(out.resolve("topics/ai-in-security.xml")).doesNotExist();
        assertThat(out.resolve("topics/ai-in-security.atom")).doesNotExist();
        assertThat(second.publish().feedsDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(out.resolve("topics/notes.txt")).hasContent("mine");
        assertThat(out.resolve("README.md")).hasContent("mine");
        assertThat(out.resolve("topics/ai.xml")).exists();
    }

    @Test
    void missingCorpusFolderIsFatalAndTouchesNoOutput() {
        Path out = temp.resolve("feeds");
        assertThatThrownBy(() -> export(temp.resolve("nowhere"), out))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nowhere");
        assertThat(out).doesNotExist();
    }

    @Test
    void brokenFileIsSkippedAndReportedWhileTheOthersArePublished() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.copy(Feeds.seeds().resolve("000_3b4be3fe1f265a52.txt"), corpus.resolve("good.md"));
        Files.writeString(corpus.resolve("broken.md"), "---\ntitle: [unclosed\n---\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("feeds");

        RunReport report = export(corpus, out);

        assertThat(report.filesRead()).isEqualTo(2);
        assertThat(report.filesSkipped()).isEqualTo(1);
        assertThat(report.skipped()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("broken.md");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("YAML error");
        });
        assertThat(Feeds.rss(out.resolve("all.xml")).getItems()).hasSize(1);
    }

    @Test
    void aFileWhoseNameIsNotUtf8IsSkippedUnreadWithTheRuleWhileTheOthersArePublished() throws Exception {
        assumeTrue(CorpusScanner.readsNamesAsUtf8(), "this JVM does not read file names as UTF-8 (a POSIX locale): the walk stops at"
                + " such a name, as LocaleTest shows");
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Path seed = Feeds.seeds().resolve("000_3b4be3fe1f265a52.txt");
        Files.copy(seed, corpus.resolve("good.md"));
        // Two names in Latin-1 (caf\xe9.md, caf\xe8.md), which Java cannot write: both read as caf\uFFFD.md.
        Process shell = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/$(printf 'caf\\351.md')\""
                + " && cp \"$1\" \"$2/$(printf 'caf\\350.md')\"", "sh", seed.toString(), corpus.toString())
                .redirectErrorStream(true).start();
        assumeTrue(shell.waitFor() == 0, "this file system takes only UTF-8 names");
        Path out = temp.resolve("feeds");

        RunReport report = export(corpus, out);

        // One name for two files: the state store holds one row for it, so one is counted.
        assertThat(report.filesSkipped()).isEqualTo(1);
        assertThat(report.skipped()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.source()).isEqualTo("caf\uFFFD.md");
            assertThat(p.message()).startsWith("the file's name is not valid UTF-8").endsWith("rename it");
        });
        assertThat(Feeds.rss(out.resolve("all.xml")).getItems()).hasSize(1);
    }

    private static String grep(Path corpus, String text) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.toList()) {
                if (Files.readString(file).contains(text)) {
                    return file.getFileName().toString();
                }
            }
        }
        throw new AssertionError("no corpus file contains " + text);
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        for (String file : Feeds.files(root)) {
            if (!file.equals(".feedwright.lock")) {
                contents.put(file, Files.readAllBytes(root.resolve(file)));
            }
        }
        return contents;
    }

    /**
     * Found by a helper's review: a daemon and an export into another folder, one state folder,
     * read and wrote one database at once, and both exited 0 with feeds the other had half
     * changed. The second waits for the state folder as for an output folder.
     */
    @Test
    void anExportIntoAnotherFolderWaitsForTheStateFolderAnotherExportUses() throws Exception {
        Path corpus = Feeds.seeds(temp.resolve("corpus"), 2);
        Path state = temp.resolve("state");
        FeedwrightConfig config = FeedwrightConfig.defaults().withCorpusDir(corpus).withStateDir(state)
                .withOutputDir(temp.resolve("preview"));
        config = new FeedwrightConfig(config.site(), config.corpus(),
                new OutputConfig(config.output().dir(), Duration.ofMillis(300), false), config.feeds(), config.export(),
                config.serve(), config.liveness(), config.state(), config.schedule(), config.logging());
        FeedwrightConfig preview = config;

        try (OutputLock other = OutputLock.acquireForExport(state, Duration.ZERO, Clock.systemUTC())) {
            assertThatThrownBy(() -> new ExportRun(preview, BuildInfo.load(), Clock.systemUTC()).run())
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessageStartingWith("state folder " + state + " is used by another export");
        }
        assertThat(new ExportRun(preview, BuildInfo.load(), Clock.systemUTC()).run().publish().feedsWritten()).isPositive();
    }
}
