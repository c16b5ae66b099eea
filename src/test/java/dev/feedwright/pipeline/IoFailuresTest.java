package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoFailuresTest {

    @TempDir
    Path temp;

    @Test
    void saysWhatHappenedWhereTheJdkNamesOnlyThePath() throws IOException {
        Path file = Files.writeString(temp.resolve("state"), "a file");

        assertThat(IoFailures.describe(new FileAlreadyExistsException(file.toString())))
                .isEqualTo(file + ": a file is in the way where a folder is needed");
        assertThat(IoFailures.describe(new FileAlreadyExistsException(temp.toString())))
                .isEqualTo(temp + ": already exists");
        assertThat(IoFailures.describe(new NoSuchFileException("/srv/x"))).isEqualTo("/srv/x: no such file or folder");
        assertThat(IoFailures.describe(new AccessDeniedException("/srv/x"))).isEqualTo("/srv/x: permission denied");
        assertThat(IoFailures.describe(new NotDirectoryException("/srv/x"))).isEqualTo("/srv/x: not a folder");
        assertThat(IoFailures.describe(new DirectoryNotEmptyException("/srv/x")))
                .isEqualTo("/srv/x: the folder is not empty");
        assertThat(IoFailures.describe(new FileSystemException("/srv/x"))).isEqualTo("/srv/x: FileSystemException");
    }

    /** A path the JDK cannot even parse is not a folder, and no parent of it is a file. */
    @Test
    void aPathThatIsNotValidIsNeitherAFolderNorBelowAFile() {
        assertThat(IoFailures.describe(new FileAlreadyExistsException("bad\u0000name")))
                .isEqualTo("bad\u0000name: a file is in the way where a folder is needed");
        assertThat(IoFailures.describe(new FileSystemException("bad\u0000name", null, "Not a directory")))
                .isEqualTo("bad\u0000name: Not a directory");
    }

    @Test
    void namesTheFileOnTheWayWhenAParentIsNotAFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("afile"), "a file");
        Path below = file.resolve("sub").resolve("feeds");

        IOException failure = null;
        try {
            Files.createDirectories(below);
        } catch (IOException e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        // The JDK names the first folder it could not make.
        assertThat(IoFailures.describe(failure))
                .isEqualTo(file.resolve("sub") + ": " + file + " is a file, where a folder is needed");
    }

    @Test
    void namesTheFileOnTheWayWhateverLanguageTheSystemSpeaks() throws IOException {
        Path file = Files.writeString(temp.resolve("afile"), "a file");
        // What the JDK throws for ENOTDIR in a Turkish locale (glibc's words for "Not a directory").
        FileSystemException failure = new FileSystemException(file.resolve("sub").toString(), null,
                "Bir dizin de\u011fil");

        assertThat(IoFailures.describe(failure))
                .isEqualTo(file.resolve("sub") + ": " + file + " is a file, where a folder is needed");
    }

    @Test
    void keepsAMessageThatAlreadySaysWhat() {
        assertThat(IoFailures.describe(new NoSuchFileException("seeds", null, "the corpus folder does not exist")))
                .isEqualTo("seeds: the corpus folder does not exist");
        assertThat(IoFailures.describe(new FileSystemException("/srv/x", null, "Not a directory")))
                .isEqualTo("/srv/x: Not a directory");
        assertThat(IoFailures.describe(new IOException("cannot write /srv/x: No space left on device")))
                .isEqualTo("cannot write /srv/x: No space left on device");
    }
}
