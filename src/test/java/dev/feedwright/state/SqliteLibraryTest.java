package dev.feedwright.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {

    @TempDir
    Path state;

    /**
     * A daemon restarted at once: the copy the stopped one made moments before this JVM started
     * is removed (with an old copy and its lock file), the one made since (this JVM's own) stays,
     * and so does every other file.
     */
    @Test
    void removesTheCopiesMadeBeforeThisJvmStartedToTheMillisecond() throws IOException {
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Path justBefore = copy("sqlite-3.54.1.0-aaaa-libsqlitejdbc.so", jvmStarted.minusMillis(5));
        Path longBefore = copy("sqlite-3.54.1.0-bbbb-libsqlitejdbc.so", jvmStarted.minusSeconds(3600));
        Path own = copy("sqlite-3.54.1.0-cccc-libsqlitejdbc.so", Instant.now());
        Path lock = copy("sqlite-3.54.1.0-aaaa-libsqlitejdbc.so.lck", jvmStarted.minusSeconds(3600));
        Path database = copy("feedwright.db", jvmStarted.minusSeconds(3600));

        SqliteLibrary.removeLibraryCopiesOlderThanThisProcess(state);

        assertThat(justBefore).doesNotExist();
        assertThat(longBefore).doesNotExist();
        assertThat(own).exists();
        assertThat(lock).doesNotExist();
        assertThat(database).exists();
    }

    private Path copy(String name, Instant modified) throws IOException {
        Path file = Files.writeString(state.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
