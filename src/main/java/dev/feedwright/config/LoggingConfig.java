package dev.feedwright.config;

import java.nio.file.Path;

/**
 * Where log lines go besides standard output.
 *
 * @param file a file every log line is appended to as well, or null for standard output only
 */
public record LoggingConfig(Path file) {

    static LoggingConfig defaults() {
        return new LoggingConfig(null);
    }
}
