package dev.feedwright.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the feeds are written.
 *
 * @param dir      the output folder; only files Feedwright wrote there are ever replaced or deleted
 * @param lockWait how long an export waits for another run that holds the folder's lock, and a link
 *                 check for another link check of the same state folder
 * @param fsync    whether each file is flushed to disk before it is renamed into place, so that
 *                 even a power cut cannot leave an empty file; without it a kill still cannot
 *                 (the rename is atomic), and the next export repairs a file a power cut emptied
 */
public record OutputConfig(Path dir, Duration lockWait, boolean fsync) {

    public OutputConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(lockWait, "lockWait");
    }

    static OutputConfig defaults() {
        return new OutputConfig(Path.of("feeds"), Duration.ofSeconds(60), false);
    }

    public OutputConfig withDir(Path newDir) {
        return new OutputConfig(newDir, lockWait, fsync);
    }
}
