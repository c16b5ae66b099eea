package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedwright.config.CorpusConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus file replaced after the walk saw it (found by a helper's runs swapping files for pipes
 * and links while exports ran): only that file is skipped, with its name, and the run goes on.
 */
class FileBytesTest {

    @TempDir
    Path root;

    private final StoryReader reader = new StoryReader(new CorpusConfig(Path.of("corpus"),
            CorpusConfig.DEFAULT_INCLUDE, 1024, 100));

    @Test
    void aNamedPipeIsSkippedInsteadOfBlockingTheRunForEver() throws IOException, InterruptedException {
        Path pipe = root.resolve("story.md");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e);
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

        ReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(root, pipe));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Skipped.class, skipped -> assertThat(
                skipped.problem().message()).isEqualTo("not read: it is not a regular file (a named pipe, a device or a socket)"));
    }

    @Test
    void aLinkToADeviceIsNotFollowed() throws IOException {
        Path link = root.resolve("story.md");
        try {
            Files.createSymbolicLink(link, Path.of("/dev/zero"));
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }

        ReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(root, link));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Skipped.class, skipped -> assertThat(
                skipped.problem().message()).isEqualTo(
                        "not read: it is a symbolic link, and links inside the corpus folder are not followed"));
    }

    /** Found by a helper's hunt: a folder the walk could not list was said to be a pipe replaced during the run. */
    @Test
    void aFolderHandedOnIsSaidToBeOne() throws IOException {
        Path folder = Files.createDirectories(root.resolve("locked"));

        ReadResult result = reader.read(root, folder);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Skipped.class, skipped -> assertThat(
                skipped.problem().message()).startsWith("cannot be read: it is a folder that cannot be listed")
                        .endsWith("so its articles are left out"));
    }

    @Test
    void readsAtMostTheBoundAndSaysTheSize() throws IOException {
        Path small = Files.writeString(root.resolve("small.md"), "x".repeat(1024));
        Path large = Files.writeString(root.resolve("large.md"), "x".repeat(5000));

        assertThat(new String(FileBytes.read(small, 1024).bytes(), StandardCharsets.UTF_8)).hasSize(1024);
        FileBytes tooLarge = FileBytes.read(large, 1024);
        assertThat(tooLarge.bytes()).isNull();
        assertThat(tooLarge.size()).isEqualTo(5000);
    }
}
