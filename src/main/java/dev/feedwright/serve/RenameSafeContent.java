package dev.feedwright.serve;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

/**
 * A file's content whose headers and body are sure to come from the same version of the file.
 *
 * <p>Jetty's own {@code ResourceHttpContent} asks the file system for the length, the date and
 * the entity tag, and later opens the file by name for the body: when an export renames a new
 * version into place in between, the response pairs one version's {@code Content-Length} and
 * entity tag with the other version's bytes, and the reader gets a cut-off document, or a whole
 * one under a tag that belongs to another (and later a wrong 304). Here the headers come from one
 * {@link FileVersion}, and the body from a channel opened, before any header is sent, between two
 * looks at the file that saw that same version; a channel stays on its file however often the
 * name is renamed over, so even an export that replaces the file while the response is under way
 * changes nothing in it. {@link #open()} must be called before the headers are used, and
 * {@link #close()} when the response is complete.
 */
final class RenameSafeContent extends HttpContent.Wrapper implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    // version and channel are guarded by this object's lock.

    private final Path file;
    private final ByteBufferPool.Sized buffers;
    private FileVersion version;
    private SeekableByteChannel channel;

    RenameSafeContent(HttpContent resource, Path file, FileVersion version, ByteBufferPool.Sized buffers) {
        super(resource);
        this.file = file;
        this.version = version;
        this.buffers = buffers;
    }

    /**
     * Opens the file, making sure the channel is the version the headers describe: the file is
     * looked at before and after the opening, and opened again when an export replaced it in
     * between.
     *
     * @throws IOException when the file is gone, or kept being replaced
     */
    synchronized void open() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<FileVersion> before = FileVersion.of(file);
            if (before.isEmpty()) {
                throw new NoSuchFileException(file.toString());
            }
            SeekableByteChannel opened = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            if (before.equals(FileVersion.of(file)) && opened.size() == before.get().size()) {
                version = before.get();
                channel = opened;
                return;
            }
            closeQuietly(opened);
        }
        throw new IOException(file + " kept being replaced while it was opened");
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            closeQuietly(channel);
            channel = null;
        }
    }

    @Override
    public HttpField getETag() {
        return new HttpField(HttpHeader.ETAG, version.etag());
    }

    @Override
    public String getETagValue() {
        return version.etag();
    }

    /**
     * The {@code Last-Modified} header, but none for a file written in the current second (or
     * later): the header counts whole seconds, and an export may write the file again within that
     * second, so a reader that asked {@code If-Modified-Since} with it would be told "not
     * modified" about the new version. Its entity tag tells the versions apart meanwhile; a
     * second later the header is safe and sent.
     */
    @Override
    public HttpField getLastModified() {
        Instant written = version.lastModified();
        if (!written.isBefore(Instant.now().truncatedTo(ChronoUnit.SECONDS))) {
            return null;
        }
        return new HttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(written));
    }

    @Override
    public Instant getLastModifiedInstant() {
        return version.lastModified();
    }

    @Override
    public HttpField getContentLength() {
        return new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, version.size());
    }

    @Override
    public long getContentLengthValue() {
        return version.size();
    }

    @Override
    public void writeTo(Content.Sink sink, long offset, long length, Callback callback) {
        SeekableByteChannel body;
        synchronized (this) {
            if (channel == null) {
                // Not opened before the headers (a welcome page): open now, and refuse to send
                // another version than the one the headers described.
                FileVersion described = version;
                try {
                    open();
                } catch (IOException e) {
                    callback.failed(e);
                    return;
                }
                if (!version.equals(described)) {
                    version = described;
                    close();
                    callback.failed(new IOException(file + " was replaced while it was being sent"));
                    return;
                }
            }
            body = channel;
            channel = null;
        }
        Content.copy(Content.Source.from(buffers, body, offset, length), sink,
                Callback.from(callback, () -> closeQuietly(body)));
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // only read from; nothing was lost
        }
    }
}
