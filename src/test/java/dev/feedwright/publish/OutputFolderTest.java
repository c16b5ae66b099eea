package dev.feedwright.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputFolderTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    @TempDir
    Path temp;

    private Path root() {
        return temp.resolve("out");
    }

    /** One run: open the folder, plan, write every file, finish. */
    private List<String> run(String... paths) throws IOException {
        OutputFolder folder = OutputFolder.open(root(), false);
        folder.plan(List.of(), List.of(paths));
        for (String path : paths) {
            folder.write(path, ("content of " + path).getBytes(UTF_8));
        }
        return folder.finish(List.of(paths));
    }

    private static List<String> allNames(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void writesByRenamingATemporaryFileAndLeavesNoneBehind() throws IOException {
        OutputFolder folder = OutputFolder.open(root(), true);
        folder.write("topics/ai.xml", "first".getBytes(UTF_8));
        Path file = root().resolve("topics/ai.xml");
        Path reader = temp.resolve("held-by-a-reader");
        Files.createLink(reader, file);

        assertThat(folder.write("topics/ai.xml", "second".getBytes(UTF_8))).isEqualTo(OutputFolder.Outcome.WRITTEN);

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(Files.readString(reader)).as("the old file was replaced, not overwritten").isEqualTo("first");
        assertThat(allNames(root())).containsExactly("", "topics", "topics/ai.xml");
    }

    @Test
    void leavesAFileWithTheSameBytesUntouched() throws IOException {
        OutputFolder folder = OutputFolder.open(root(), false);
        folder.write("all.xml", "same".getBytes(UTF_8));
        Path file = root().resolve("all.xml");
        Files.setLastModifiedTime(file, OLD);
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        assertThat(folder.write("all.xml", "same".getBytes(UTF_8))).isEqualTo(OutputFolder.Outcome.UNCHANGED);

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(OLD);
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(folder.write("all.xml", "changed".getBytes(UTF_8))).isEqualTo(OutputFolder.Outcome.WRITTEN);
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(OLD);
    }

    @Test
    void deletesOnlyFilesAnEarlierRunWroteAndNoLongerKeeps() throws IOException {
        run("all.xml", "topics/ai.xml", "topics/old.xml");
        Files.writeString(root().resolve("mine.txt"), "a user's notes");
        Files.writeString(root().resolve("topics/notes.txt"), "more notes");

        List<String> deleted = run("all.xml", "topics/ai.xml");

        assertThat(deleted).containsExactly("topics/old.xml");
        assertThat(Feeds.files(root())).containsExactly(
                OutputFolder.MANIFEST, "all.xml", "mine.txt", "topics/ai.xml", "topics/notes.txt");
        assertThat(Files.readAllLines(root().resolve(OutputFolder.MANIFEST))).containsExactly("all.xml", "topics/ai.xml");
    }

    @Test
    void neverDeletesAUserFileThatHasTheNameOfAFeed() throws IOException {
        Files.createDirectories(root());
        Files.writeString(root().resolve("all.xml"), "mine, written before Feedwright came");
        Files.writeString(root().resolve("old.atom"), "also mine");

        OutputFolder folder = OutputFolder.open(root(), false);
        folder.plan(List.of(), List.of());
        List<String> deleted = folder.finish(List.of());

        assertThat(deleted).isEmpty();
        assertThat(Feeds.files(root())).contains("all.xml", "old.atom");
    }

    @Test
    void removesTheFoldersOfDeletedFeedsOnceEmpty() throws IOException {
        run("all.xml", "providers/bbc.com.xml", "providers/bbc.com.atom", "topics/ai.xml");

        List<String> deleted = run("all.xml", "topics/ai.xml");

        assertThat(deleted).containsExactly("providers/bbc.com.atom", "providers/bbc.com.xml");
        assertThat(root().resolve("providers")).doesNotExist();
        assertThat(root().resolve("topics")).isDirectory();
    }

    @Test
    void ignoresManifestLinesThatLeadOutsideTheFolder() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim.txt"), "outside");
        Files.createDirectories(root());
        Files.writeString(root().resolve(OutputFolder.MANIFEST), "../victim.txt\n" + victim + "\nall.xml\n");

        OutputFolder folder = OutputFolder.open(root(), false);
        assertThat(folder.previousFiles()).containsExactly("all.xml");
        folder.plan(List.of(), List.of());
        folder.finish(List.of());

        assertThat(victim).hasContent("outside");
    }

    @Test
    void removesTemporaryFilesOfAKilledRunOnOpen() throws IOException {
        Files.createDirectories(root().resolve("topics"));
        Files.writeString(root().resolve(".all.xml.4242-1.fw-tmp"), "half");
        Files.writeString(root().resolve("topics/.ai.xml.4242-7.fw-tmp"), "half");
        Files.writeString(root().resolve(".feedwright-files.4242.fw-tmp"), "half");
        Files.writeString(root().resolve("notes.fw-tmp"), "a user's file, not hidden");

        OutputFolder.open(root(), false);

        assertThat(allNames(root())).containsExactly("", "notes.fw-tmp", "topics");
    }

    /**
     * Found by a helper's hunt: the walk for them went into every folder, and one it could not read
     * (a volume's lost+found, an operator's folder kept private) failed every export.
     */
    @Test
    void looksForTemporaryFilesOnlyInTheFoldersFeedsAreWrittenTo() throws IOException {
        Path own = Files.createDirectories(root().resolve("stats/lost+found"));
        Files.writeString(own.resolve(".x.4242-1.fw-tmp"), "an operator's file");
        Files.createDirectories(root().resolve("providers"));
        Files.writeString(root().resolve("providers/.bbc.com.xml.4242-2.fw-tmp"), "half");

        OutputFolder.open(root(), false);

        assertThat(allNames(root())).containsExactly("", "providers", "stats", "stats/lost+found",
                "stats/lost+found/.x.4242-1.fw-tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.xml", "/abs.xml", "a/../../b.xml", "topics/../../b.xml", "Upper.xml", "topics/AI.xml",
        "", ".hidden", "a//b.xml", "a\\b.xml", "topics/", "./all.xml"})
    void refusesUnsafePaths(String path) throws IOException {
        OutputFolder folder = OutputFolder.open(root(), false);

        assertThatThrownBy(() -> folder.write(path, "x".getBytes(UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("refusing to write '" + path + "'");
        assertThatThrownBy(() -> folder.plan(List.of(), List.of("all.xml", path)))
                .isInstanceOf(IOException.class);
        assertThat(allNames(temp)).containsExactly("", "out");
    }

    @Test
    void rewritesAFileWhoseNewBytesHaveTheSameLength() throws IOException {
        // A title edited to one of the same length ("Cat" to "Dog") changes a feed's bytes, not its size.
        OutputFolder folder = OutputFolder.open(root(), false);
        folder.write("all.xml", "<title>Cat</title>".getBytes(UTF_8));

        assertThat(folder.write("all.xml", "<title>Dog</title>".getBytes(UTF_8))).isEqualTo(OutputFolder.Outcome.WRITTEN);
        assertThat(folder.write("all.xml", "<title>Dog</title>".getBytes(UTF_8))).isEqualTo(OutputFolder.Outcome.UNCHANGED);
        assertThat(root().resolve("all.xml")).hasContent("<title>Dog</title>");
    }

    /**
     * Found by a helper's hunt: an operator's chgrp and chmod for the web server were undone in
     * every feed that changed, which the server was then refused.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aRewrittenFileKeepsThePermissionsAndGroupTheOperatorGaveIt() throws IOException {
        OutputFolder folder = OutputFolder.open(root(), false);
        folder.write("all.xml", "<title>Cat</title>".getBytes(UTF_8));
        Path file = root().resolve("all.xml");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        GroupPrincipal group = otherGroup(view.readAttributes().group());
        if (group != null) {
            view.setGroup(group);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        folder.write("all.xml", "<title>Dog</title>".getBytes(UTF_8));

        PosixFileAttributes now = Files.readAttributes(file, PosixFileAttributes.class);
        assertThat(file).hasContent("<title>Dog</title>");
        assertThat(PosixFilePermissions.toString(now.permissions())).isEqualTo("rw-r-----");
        if (group != null) {
            assertThat(now.group()).isEqualTo(group);
        }
    }

    /** A group other than {@code current} that this process may give a file, or null. */
    private GroupPrincipal otherGroup(GroupPrincipal current) {
        for (String name : List.of("daemon", "nogroup", "users", "adm")) {
            try {
                GroupPrincipal group = root().getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(name);
                Path probe = Files.createTempFile(temp, "group", ".probe");
                Files.getFileAttributeView(probe, PosixFileAttributeView.class).setGroup(group);
                Files.delete(probe);
                if (!group.equals(current)) {
                    return group;
                }
            } catch (IOException e) {
                // Not a group here, or not one of ours.
            }
        }
        return null;
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void refusesToWriteThroughASymlinkedFolderThatLeadsOutside() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createDirectories(root());
        Files.createSymbolicLink(root().resolve("topics"), outside);
        OutputFolder folder = OutputFolder.open(root(), false);

        assertThatThrownBy(() -> folder.write("topics/ai.xml", "x".getBytes(UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("leads outside");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void refusesASymlinkedFolderThatLeadsOutsideEvenWhenTheBytesThereMatch() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("ai.xml"), "x");
        Files.createDirectories(root());
        Files.createSymbolicLink(root().resolve("topics"), outside);
        OutputFolder folder = OutputFolder.open(root(), false);

        assertThatThrownBy(() -> folder.write("topics/ai.xml", "x".getBytes(UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("leads outside");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void neverDeletesThroughASymlinkedFolderThatLeadsOutside() throws IOException {
        run("all.xml", "topics/ai.xml");
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("ai.xml"), "someone else's file");
        Files.delete(root().resolve("topics/ai.xml"));
        Files.delete(root().resolve("topics"));
        Files.createSymbolicLink(root().resolve("topics"), outside);

        List<String> deleted = run("all.xml");

        assertThat(deleted).isEmpty();
        assertThat(precious).hasContent("someone else's file");
        assertThat(root().resolve("topics")).isSymbolicLink();
    }

    @Test
    void saysClearlyWhenAFolderStandsWhereAFileMustBeWritten() throws IOException {
        Files.createDirectories(root().resolve("all.xml"));
        OutputFolder folder = OutputFolder.open(root(), false);

        assertThatThrownBy(() -> folder.write("all.xml", "x".getBytes(UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write")
                .hasMessageContaining("all.xml")
                .hasMessageContaining("not a regular file");
        assertThat(root().resolve("all.xml")).isDirectory();
    }

    @Test
    void keepsThePlannedFilesListedWhenARunStopsBeforeFinishing() throws IOException {
        OutputFolder crashed = OutputFolder.open(root(), false);
        crashed.plan(List.of(), List.of("all.xml", "topics/ai.xml"));
        crashed.write("all.xml", "x".getBytes(UTF_8));

        OutputFolder next = OutputFolder.open(root(), false);

        assertThat(next.previousFiles()).containsExactlyInAnyOrder("all.xml", "topics/ai.xml");
        next.plan(List.of(), List.of());
        assertThat(next.finish(List.of())).containsExactly("all.xml");
        assertThat(Feeds.files(root())).containsExactly(OutputFolder.MANIFEST);
    }
}
