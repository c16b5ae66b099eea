package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.liveness.Progress;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateDb;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental exports against full ones, on small hand-written corpora, in the corners a review
 * found: a provider's feed moved by a new domain, stories a feed remembers with AMP coverage, a
 * slug handed from a feed that went to a new one, a folder replaced by a symbolic link, an empty
 * file that could not be read.
 */
class IncrementalCornersTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path temp;

    private Path corpus;
    private Path out;
    private Path state;
    /** Modification times handed out in order, all well before the run, so that every edit is seen. */
    private Instant written = Instant.now().minus(Duration.ofHours(2));

    private RunReport export(Path output, Path stateDir, boolean full) throws IOException {
        FeedwrightConfig config = FeedwrightConfig.defaults().withCorpusDir(corpus).withOutputDir(output)
                .withStateDir(stateDir);
        return new ExportRun(config, BuildInfo.load(), Clock.fixed(NOW, ZoneOffset.UTC), Progress.none(), full).run();
    }

    private RunReport export() throws IOException {
        corpus = temp.resolve("corpus");
        out = temp.resolve("out");
        state = temp.resolve("state");
        return export(out, state, false);
    }

    private void write(String path, String text) throws IOException {
        Path file = temp.resolve("corpus").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        written = written.plusSeconds(1);
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    private void story(String path, String title, String date, String link, String domain, String topic)
            throws IOException {
        write(path, "---\ntitle: \"" + title + "\"\npublishedDateTime: " + date + "\nwebUrl: \"" + link
                + "\"\nprovider:\n  name: " + domain + "\n  domain: " + domain + "\ntopics:\n  - " + topic + "\n---\n");
    }

    /** The output equals a full export's of the same corpus into a fresh folder, file for file. */
    private void assertWritesWhatAFullExportWrites() throws IOException {
        Path fresh = Files.createTempDirectory(temp, "full-");
        export(fresh.resolve("out"), fresh.resolve("state"), true);
        assertThat(differences(Feeds.contents(out), Feeds.contents(fresh.resolve("out")))).isEmpty();
    }

    /** Each path that differs, with its first differing line from both sides. */
    static List<String> differences(Map<String, String> incremental, Map<String, String> full) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(incremental.keySet());
        paths.addAll(full.keySet());
        for (String path : paths) {
            String[] a = incremental.getOrDefault(path, "<missing>").split("\n");
            String[] b = full.getOrDefault(path, "<missing>").split("\n");
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                String x = i < a.length ? a[i].strip() : "<end>";
                String y = i < b.length ? b[i].strip() : "<end>";
                if (!x.equals(y)) {
                    differences.add(path + ":" + (i + 1) + ": " + x + " | full: " + y);
                    break;
                }
            }
        }
        return differences;
    }

    /**
     * Exports, then edits another story twice with an export after each: the first edit renders
     * the feeds again, which then remember their items; the second renders {@code amp.md}'s item
     * from what they remember.
     */
    private void exportUntilAmpMdIsRenderedFromWhatTheFeedsRemember() throws IOException {
        story("other.md", "Other", "2026-11-10T00:00:00Z", "https://gamma.net/o", "gamma.net", "Misc");
        export();
        for (int edit = 1; edit <= 2; edit++) {
            story("other.md", "Other, edit " + edit, "2026-11-10T00:00:00Z", "https://gamma.net/o", "gamma.net", "Misc");
            export();
        }
    }

    /**
     * Every RSS item names its provider's feed ({@code <source url>}); a new domain whose slug folds
     * to an existing provider's moves that provider's feed, and the items in the other feeds must
     * follow it.
     */
    @Test
    void aProviderFeedMovedByANewDomainIsFollowedByItsItemsInEveryFeed() throws IOException {
        story("one.md", "One", "2026-01-01T00:00:00Z", "https://a-b.com/one", "a-b.com", "First");
        export();
        assertThat(Files.readString(out.resolve("topics/first.xml"))).contains("providers/a-b.com.xml");

        story("two.md", "Two", "2025-01-01T00:00:00Z", "https://a--b.com/two", "a--b.com", "Second");
        export();

        assertThat(Files.readString(out.resolve("topics/first.xml"))).doesNotContain("providers/a-b.com.xml\"");
        assertWritesWhatAFullExportWrites();
    }

    /**
     * Found by a helper's review: of two same-date listings of one article the one with the
     * canonical link is the item; a listing's link edited from https to http kept its remembered
     * place, and the feeds went on showing it where a full export shows the other listing.
     */
    @Test
    void aListingWhoseLinkNoLongerIsCanonicalGivesItsPlaceToTheOther() throws IOException {
        story("a.md", "Story a", "2026-11-01T00:00:00Z", "https://example.com/x", "example.com", "Misc");
        story("b.md", "Story b", "2026-11-01T00:00:00Z", "https://example.com/x", "example.com", "Misc");
        story("c.md", "Story c", "2026-11-02T00:00:00Z", "https://example.com/c", "example.com", "Misc");
        export();
        story("c.md", "Story c, edited", "2026-11-02T00:00:00Z", "https://example.com/c", "example.com", "Misc");
        export(); // the feeds now remember their items
        assertThat(Files.readString(out.resolve("all.xml"))).contains("Story a");

        story("a.md", "Story a", "2026-11-01T00:00:00Z", "http://example.com/x", "example.com", "Misc");
        export();

        assertThat(Files.readString(out.resolve("all.xml"))).contains("Story b").doesNotContain("Story a");
        assertWritesWhatAFullExportWrites();
    }

    /** A story given only as its AMP page, rendered from what a feed remembers, does not list itself as coverage. */
    @Test
    void aRememberedStoryGivenAsItsAmpPageIsNotItsOwnCoverage() throws IOException {
        write("amp.md", """
                ---
                title: "AMP only"
                publishedDateTime: 2026-11-01T00:00:00Z
                webUrl: "https://alpha.com/a/amp"
                ampWebUrl: "https://alpha.com/a/amp"
                provider:
                  name: Alpha
                  domain: alpha.com
                ---
                """);
        exportUntilAmpMdIsRenderedFromWhatTheFeedsRemember();

        assertThat(Files.readString(out.resolve("all.json"))).doesNotContain("More coverage");
        assertWritesWhatAFullExportWrites();
    }

    /** A remembered story's coverage tells an AMP-only page from its plain page, as a full export does. */
    @Test
    void aRememberedStoryListsAnArticleAndItsAmpPageOnce() throws IOException {
        write("amp.md", """
                ---
                title: "Story with AMP coverage"
                publishedDateTime: 2026-11-01T00:00:00Z
                webUrl: "https://alpha.com/a"
                provider:
                  name: Alpha
                  domain: alpha.com
                related:
                  - title: "Beta, AMP page"
                    publishedDateTime: 2026-11-02T00:00:00Z
                    webUrl: "https://beta.org/b/amp"
                    ampWebUrl: "https://beta.org/b/amp"
                    provider:
                      name: Beta
                      domain: beta.org
                  - title: "Beta, plain page"
                    publishedDateTime: 2026-11-01T00:00:00Z
                    webUrl: "https://beta.org/b"
                    provider:
                      name: Beta
                      domain: beta.org
                  - title: "Delta"
                    publishedDateTime: 2026-11-01T00:00:00Z
                    webUrl: "https://delta.io/d"
                    provider:
                      name: Delta
                      domain: delta.io
                ---
                """);
        exportUntilAmpMdIsRenderedFromWhatTheFeedsRemember();

        assertThat(Files.readString(out.resolve("all.json"))).contains("Delta").doesNotContain("Beta, plain page");
        assertWritesWhatAFullExportWrites();
    }

    /** A topic that goes hands its slug to a topic spelled the same but for case; the files stay recorded. */
    @Test
    void aSlugHandedOverInOneRunKeepsItsFilesRecorded() throws IOException {
        story("one.md", "One", "2026-01-01T00:00:00Z", "https://alpha.com/1", "alpha.com", "AI");
        story("two.md", "Two", "2026-01-02T00:00:00Z", "https://alpha.com/2", "alpha.com", "Ai");
        export();
        Files.delete(corpus.resolve("one.md"));

        export();

        try (StateDb db = StateDb.open(state)) {
            assertThat(new ExportStore(db).outputFiles()).extracting(ExportStore.OutputFile::path)
                    .contains("topics/ai.xml", "topics/ai.atom", "topics/ai.json");
        }
        assertWritesWhatAFullExportWrites();
    }

    /** The walk follows no link below the corpus folder, so the files of a folder replaced by one are gone. */
    @Test
    void theFilesOfAFolderReplacedByALinkLeaveTheFeeds() throws IOException {
        story("2023/old.md", "Old", "2023-06-01T00:00:00Z", "https://beta.org/old", "beta.org", "Moved");
        story("new.md", "New", "2026-11-01T00:00:00Z", "https://alpha.com/new", "alpha.com", "Kept");
        export();
        Path archive = Files.createDirectories(temp.resolve("archive"));
        Files.move(corpus.resolve("2023"), archive.resolve("2023"));
        Files.createSymbolicLink(corpus.resolve("2023"), archive.resolve("2023"));

        RunReport linked = export();

        assertThat(linked.stories()).isEqualTo(1);
        assertThat(out.resolve("topics/moved.xml")).doesNotExist();
        assertWritesWhatAFullExportWrites();
    }

    /** An empty file's checksum is that of no bytes; one that could not be read must not pass for unchanged. */
    @Test
    void anEmptyFileThatCouldNotBeReadIsReadOnceItCanBe() throws IOException {
        story("good.md", "Good", "2026-11-01T00:00:00Z", "https://alpha.com/good", "alpha.com", "Kept");
        write("empty.md", "");
        Path empty = temp.resolve("corpus").resolve("empty.md");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(empty)).as("a file without read permission binds this user").isFalse();
            assertThat(export().skipped()).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).startsWith("cannot be read"));
        } finally {
            Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-r--r--"));
        }

        RunReport readable = export();

        assertThat(readable.skipped()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("no front matter"));
    }
}
