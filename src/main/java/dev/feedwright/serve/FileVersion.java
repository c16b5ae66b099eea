package dev.feedwright.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * One version of a file, as the file system tells it: which file it is (on Unix, the device and
 * inode), when it was written and how long it is. The exporter never changes a file in place, it
 * renames a new file over the old one, so a new version is always a new file: two reads that see
 * the same version saw the same bytes.
 *
 * @param fileKey      the file system's identity of the file; null where the platform has none
 * @param lastModified when the file was written
 * @param size         its length in bytes
 */
record FileVersion(Object fileKey, Instant lastModified, long size) {

    /** The version of the regular file at {@code file}; empty when there is none (missing, a folder, a link). */
    static Optional<FileVersion> of(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new FileVersion(attributes.fileKey(), attributes.lastModifiedTime().toInstant(),
                attributes.size()));
    }

    /**
     * A strong entity tag: it changes whenever the file is replaced, even by one of the same size
     * written within the same clock tick, because the replacement is another file. It holds no
     * {@code -}: Jetty marks a compressed variant by appending {@code --gzip} and looks for dashes
     * to take that off again.
     */
    String etag() {
        int key = fileKey == null ? 0 : fileKey.hashCode();
        return "\"" + Long.toHexString(lastModified.getEpochSecond()) + "." + Integer.toHexString(lastModified.getNano())
                + "." + Long.toHexString(size) + "." + Integer.toHexString(key) + "\"";
    }
}
