package dev.feedwright.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Feedwright keeps what it learns between runs (link states today; more later).
 *
 * @param dir the state folder; created on first use
 */
public record StateConfig(Path dir) {

    public StateConfig {
        Objects.requireNonNull(dir, "dir");
    }

    static StateConfig defaults() {
        return new StateConfig(Path.of("state"));
    }
}
