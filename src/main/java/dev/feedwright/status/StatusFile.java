package dev.feedwright.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The status file, {@code status.json} in the state folder, replaced whole on every write: it is
 * written to a temporary file beside it and renamed into place, so a reader never sees half of it.
 */
public final class StatusFile {

    /** The file's name in the state folder. */
    public static final String FILE_NAME = "status.json";

    private final Path file;
    private final Path temporary;

    /** @param stateDir the state folder; created on the first write */
    public StatusFile(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
        this.temporary = stateDir.resolve("." + FILE_NAME + ".fw-tmp");
    }

    public Path path() {
        return file;
    }

    /** Replaces the file with {@code json}; one writer at a time. */
    public synchronized void write(String json) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
