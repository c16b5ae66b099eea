package dev.feedwright.state;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where SQLite's driver puts the copy of its native library that it loads: the state folder. */
final class SqliteLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);

    private SqliteLibrary() {
    }

    /**
     * SQLite's driver copies its native library into {@code java.io.tmpdir} and loads it from
     * there, which fails where {@code /tmp} is mounted {@code noexec} (a common hardening; the
     * export then stopped with "cannot open the state database"). Unless told where to find it or
     * where to copy it (the launcher names its own copy), the driver copies it into the state
     * folder, which Feedwright writes anyway. A JVM-wide setting, read once, when the driver first
     * loads its library: the one global this program sets.
     */
    static void placeIn(Path dir) {
        if (System.getProperty("org.sqlite.lib.path") == null && System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", dir.toAbsolutePath().toString());
            removeLibraryCopiesOlderThanThisProcess(dir);
        }
    }

    /**
     * The driver deletes its copy when the JVM exits, but a daemon stopped by a signal ends with
     * {@code Runtime.halt}, which runs no exit hook, and the driver's own clean-up spares a copy
     * whose {@code .lck} is still there: each start of a service left a megabyte in the state
     * folder. A copy made before this JVM started is no longer being loaded (one in use stays
     * mapped where the system lets it be deleted, and stays where it does not). The JVM's start
     * is the wall-clock time it noted, to the millisecond: the process's start as the system
     * reports it ({@code ProcessHandle}) is counted from a boot time that Linux gives in whole
     * seconds and moves when the clock is adjusted, so it could come out before a copy that a
     * daemon stopped a moment earlier had made, which then stayed.
     */
    static void removeLibraryCopiesOlderThanThisProcess(Path dir) {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, "sqlite-*sqlitejdbc*")) {
            for (Path copy : copies) {
                if (Files.getLastModifiedTime(copy, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(started)) {
                    Files.deleteIfExists(copy);
                }
            }
        } catch (IOException e) {
            LOG.debug("old copies of SQLite's library in {} stay: {}", dir, e.toString());
        }
    }
}
