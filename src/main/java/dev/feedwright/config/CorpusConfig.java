package dev.feedwright.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the article files are and how much of them is read.
 *
 * @param dir          the corpus folder, searched recursively
 * @param include      a glob, matched against each file's path relative to {@code dir}
 * @param maxFileBytes files larger than this are skipped without being read
 * @param maxRelated   related articles kept per story; the rest are dropped with a warning
 */
public record CorpusConfig(Path dir, String include, int maxFileBytes, int maxRelated) {

    public static final String DEFAULT_INCLUDE = "**/*.{md,txt}";
    public static final int DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_MAX_RELATED = 1000;

    public CorpusConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(include, "include");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        if (maxRelated < 0) {
            throw new IllegalArgumentException("maxRelated must not be negative, was " + maxRelated);
        }
    }

    static CorpusConfig defaults() {
        return new CorpusConfig(Path.of("seeds"), DEFAULT_INCLUDE, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RELATED);
    }

    public CorpusConfig withDir(Path newDir) {
        return new CorpusConfig(newDir, include, maxFileBytes, maxRelated);
    }
}
