package dev.feedwright.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The status file, {@code status.json} in the state folder, replaced whole on every write: it is
 * written to a temporary file beside it and renamed into place, so a reader never sees half of it.
 */
public final class StatusFile {

    /** The file's name in the state folder. */
    public static final String FILE_NAME = "status.json";

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
        Path temporary = folder.resolve("." + FILE_NAME + "." + UUID.randomUUID() + ".fw-tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
