package dev.feedwright.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The status file, {@code status.json} in the state folder, replaced whole on every write: it is
 * written to a temporary file beside it and renamed into place, so a reader never sees half of it.
 * A write also removes the temporary files of earlier writes that were cut off between the two
 * steps (a killed daemon's), once they are {@link #LEFTOVER_AGE} old.
 */
public final class StatusFile {

    /** The file's name in the state folder. */
    public static final String FILE_NAME = "status.json";

    /**
     * How old another write's temporary file must be before a write takes it for a leftover. A
     * write keeps its temporary file for the moment between writing and renaming it; a second
     * daemon on the same state folder may be in that moment, so a young one is left alone.
     */
    static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

    private static final String TEMPORARY_PREFIX = "." + FILE_NAME + ".";
    private static final String TEMPORARY_SUFFIX = ".fw-tmp";

    private final Path file;

    /** @param stateDir the state folder; created on the first write */
    public StatusFile(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * Replaces the file with {@code json}; one writer at a time in this object. The temporary file
     * has a name of its own for each write, so that another process writing the same state folder
     * (a second daemon started by mistake) never writes into it or renames it away half written.
     */
    public synchronized void write(String json) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            // The file system's own time, which the leftovers' times are in too.
            Instant written = Files.getLastModifiedTime(temporary).toInstant();
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            removeLeftovers(folder, written.minus(LEFTOVER_AGE));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files of other writes last modified before {@code before}. Best effort:
     * one that cannot be deleted now is tried again by the next write, and the status is written
     * either way.
     */
    private static void removeLeftovers(Path folder, Instant before) {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder,
                TEMPORARY_PREFIX + "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                removeIfOlder(leftover, before);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Left for the next write.
        }
    }

    private static void removeIfOlder(Path leftover, Instant before) {
        try {
            if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)
                    && Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            // Left for the next write.
        }
    }
}
