package dev.feedwright.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * A corpus file's bytes, read as the walk found it: a regular file, not a link. It may have been
 * replaced or grown since the walk looked: a named pipe would block the read for ever, a link to
 * {@code /dev/zero} or a file grown past all bounds would fill the memory. So the file is read only
 * if it is still a regular file, opened without following a link, and never past the size bound.
 *
 * @param bytes the file's bytes, or null when it holds more than the bound
 * @param size  its size as opened (at least the bound plus one when it grew while being read)
 */
public record FileBytes(byte[] bytes, long size) {

    /** No array holds more. */
    private static final long MOST = Integer.MAX_VALUE - 9;

    /** The file is not read at all: it is a link, a pipe, a device or a socket. */
    public static final class NotRegular extends FileSystemException {
        private static final long serialVersionUID = 1L;

        NotRegular(Path file, String reason) {
            super(file.toString(), null, reason);
        }
    }

    /** Reads {@code file}, at most {@code bound} bytes of it (and never more than an array holds). */
    public static FileBytes read(Path file, long bound) throws IOException {
        long maxBytes = Math.min(bound, MOST);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new NotRegular(file, "it is a symbolic link, and links inside the corpus folder are not followed");
        }
        if (attributes.isDirectory()) {
            // Handed on by a walk that could not list it.
            throw new FileSystemException(file.toString(), null, "it is a folder that cannot be listed"
                    + (Files.isReadable(file) ? "" : " (permission denied)") + ", so its articles are left out");
        }
        if (!attributes.isRegularFile()) {
            // Checked just before opening: a pipe swapped in between the two would still block.
            throw new NotRegular(file, "it is not a regular file (a named pipe, a device or a socket)");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            long size = channel.size();
            if (size > maxBytes) {
                return new FileBytes(null, size);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(maxBytes + 1, size + 1));
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() > maxBytes) {
                        return new FileBytes(null, Math.max(channel.size(), maxBytes + 1));
                    }
                    // Grown since it was opened: read on, up to the bound.
                    buffer = ByteBuffer.allocate((int) Math.min(maxBytes + 1, buffer.capacity() * 2L))
                            .put(buffer.flip());
                }
            }
            return new FileBytes(Arrays.copyOf(buffer.array(), buffer.position()), buffer.position());
        }
    }
}
