package dev.feedwright.pipeline;

import static dev.feedwright.testing.Feeds.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.feedwright.testing.Feeds;
import dev.feedwright.testing.SmallDisk;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that cannot be written, wholly or in part: the export stops with an error that
 * names the path, and every feed of the previous run keeps its bytes and its time. Each test first
 * exports three seeds, then breaks the folder and exports all five, so that every feed would
 * change. Tests run as root here, where permissions do not bite: a folder or file that cannot be
 * written is made with something in the way, or with the immutable attribute ({@code chattr +i},
 * which binds root too, and which only root may set); without root, a folder that cannot be
 * written is one without its write permission, and the immutable feed's test is skipped.
 */
class OutputFaultsTest {

    @TempDir
    Path temp;

    private Path out;
    private Path narrow;

    @BeforeEach
    void exportThreeSeeds() throws IOException {
        out = temp.resolve("out");
        narrow = Feeds.seeds(temp.resolve("narrow"), 3);
        export(narrow, out);
        assertThat(out.resolve("topics")).isDirectory();
    }

    @Test
    void aFolderWhereAFeedMustBeWrittenStopsTheRunBeforeAnythingIsReplaced() throws IOException {
        String victim = firstFeed("topics/");
        Files.delete(out.resolve(victim));
        Files.createDirectories(out.resolve(victim));
        Map<String, Snapshot> before = snapshot();

        assertFailsNaming(out.resolve(victim).toString(), "not a regular file");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileWhereAFolderMustBeStopsTheRunBeforeAnythingIsReplaced() throws IOException {
        for (String file : Feeds.files(out.resolve("providers"))) {
            Files.delete(out.resolve("providers").resolve(file));
        }
        Files.delete(out.resolve("providers"));
        Files.writeString(out.resolve("providers"), "a file where a folder must be");
        Map<String, Snapshot> before = snapshot();

        assertFailsNaming(out.resolve("providers").toString(), "not a folder");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anImmutableFeedStopsTheRunBeforeAnythingIsReplaced() throws Exception {
        Path victim = out.resolve(firstFeed("providers/"));
        assumeThat(chattr("+i", victim)).as("chattr +i works here").isTrue();
        try {
            Map<String, Snapshot> before = snapshot();

            // What follows the path is the system's words (EPERM), in the system's language.
            assertFailsNaming("cannot write " + victim);

            assertThat(snapshot()).isEqualTo(before);
        } finally {
            chattr("-i", victim);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderThatCannotBeWrittenStopsTheRunBeforeAnythingIsReplaced() throws Exception {
        Path topics = out.resolve("topics");
        assumeThat(chattr("+i", topics) || readOnly(topics)).as("chattr +i or a read-only folder binds here").isTrue();
        try {
            Map<String, Snapshot> before = snapshot();

            assertFailsNaming("cannot write in " + topics);

            assertThat(snapshot()).isEqualTo(before);
        } finally {
            chattr("-i", topics);
            Files.setPosixFilePermissions(topics, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFeedLockedByAReaderIsReplacedWhileTheReaderKeepsTheWholeOldVersion() throws IOException {
        // POSIX locks are advisory: a reader's lock does not stop a rename, and the reader keeps
        // reading the file it opened, whole.
        Path feed = out.resolve("all.xml");
        byte[] old = Files.readAllBytes(feed);
        try (FileChannel reader = FileChannel.open(feed, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = reader.lock()) {
            export(Feeds.seeds(), out);

            assertThat(lock.isValid()).isTrue();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(old.length + 1);
            reader.read(buffer, 0);
            assertThat(Arrays.copyOf(buffer.array(), buffer.position())).isEqualTo(old);
        }
        assertThat(Files.readAllBytes(feed)).isNotEqualTo(old);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskStopsTheRunNamingTheFileAndTheNextRunMendsEveryFeed() throws Exception {
        // The output folder is a small file system of its own, its state folder beside it on the
        // usual disk.
        SmallDisk disk = SmallDisk.mount(temp.resolve("small"), "1m");
        assumeThat(disk).as("a tmpfs can be mounted here").isNotNull();
        try (disk) {
            Path small = disk.dir();
            export(narrow, small);
            Map<String, String> before = Feeds.contents(small);
            Path reference = temp.resolve("reference");
            export(Feeds.seeds(), reference);
            Map<String, String> after = Feeds.contents(reference);
            // Room for the list of files and a few feeds, not for all of them.
            Path filler = disk.fill(24 * 1024);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> export(Feeds.seeds(), small))
                    .isInstanceOf(IOException.class).hasMessageContaining("cannot write " + small);

            Files.delete(filler);
            assertThat(Feeds.files(small)).noneMatch(file -> file.endsWith(".fw-tmp"));
            Feeds.contents(small).forEach((file, text) -> assertThat(text).as(file)
                    .isIn(before.get(file), after.get(file)));
            export(Feeds.seeds(), small);
            assertThat(Feeds.contents(small)).isEqualTo(after);
        }
    }

    /** The export fails with a message holding each of {@code words}: our words, not the system's. */
    private void assertFailsNaming(String... words) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> export(Feeds.seeds(), out))
                .isInstanceOf(IOException.class).hasMessageContainingAll(words);
    }


    private String firstFeed(String folder) {
        return Feeds.files(out).stream().filter(f -> f.startsWith(folder) && f.endsWith(".xml")).findFirst()
                .orElseThrow();
    }

    /** A file's bytes and modification time. */
    private record Snapshot(List<Byte> bytes, FileTime modified) {
    }

    /** Every file but the lock (whose holder line each run rewrites), with bytes and time. */
    private Map<String, Snapshot> snapshot() throws IOException {
        Map<String, Snapshot> files = new TreeMap<>();
        for (String file : Feeds.files(out)) {
            if (!file.equals(".feedwright.lock")) {
                Path path = out.resolve(file);
                byte[] bytes = Files.readAllBytes(path);
                Byte[] boxed = new Byte[bytes.length];
                Arrays.setAll(boxed, i -> bytes[i]);
                files.put(file, new Snapshot(List.of(boxed), Files.getLastModifiedTime(path)));
            }
        }
        return files;
    }

    private static boolean chattr(String flag, Path path) throws InterruptedException {
        return SmallDisk.succeeds("chattr", flag, path.toString());
    }

    /**
     * Takes away the folder's write permission, which binds every user but root (whom only
     * {@code chattr +i} binds); whether it now binds this one.
     */
    private static boolean readOnly(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        return !Files.isWritable(folder);
    }
}
