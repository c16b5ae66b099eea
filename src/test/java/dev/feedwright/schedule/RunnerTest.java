package dev.feedwright.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a failed run is worded in the daemon's log and status. */
class RunnerTest {

    @TempDir
    Path temp;

    /**
     * Found by a helper's review: a state folder that is a file failed every daemon run as
     * "FileAlreadyExistsException: stfile", where export says what is wrong.
     */
    @Test
    void wordsAnIoFailureAsTheCommandLineDoes() throws IOException {
        Path file = Files.writeString(temp.resolve("state"), "a file");

        assertThat(Runner.describe(new FileAlreadyExistsException(file.toString())))
                .isEqualTo("FileAlreadyExistsException: " + file + ": a file is in the way where a folder is needed");
        assertThat(Runner.describe(new IllegalStateException("a bug", new NoSuchFileException("/x/seeds"))))
                .isEqualTo("IllegalStateException: a bug; caused by NoSuchFileException: /x/seeds: no such file or folder");
        assertThat(Runner.describe(new IOException("the disk is full"))).isEqualTo("IOException: the disk is full");
    }
}
