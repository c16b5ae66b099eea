package dev.feedwright.serve;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
 * {@link FileVersion}, and the body from a channel that is checked, after it was opened, to be
 * that version; a channel stays on its file however often the name is renamed over. In the rare
 * case that the file was replaced between the two, the response fails instead of sending the
 * wrong bytes, and the reader asks again.
 */
final class RenameSafeContent extends HttpContent.Wrapper {

    private final Path file;
    private final FileVersion version;
    private final ByteBufferPool.Sized buffers;
    private final HttpField etag;
    private final HttpField lastModified;
    private final HttpField contentLength;

    RenameSafeContent(HttpContent resource, Path file, FileVersion version, ByteBufferPool.Sized buffers) {
        super(resource);
        this.file = file;
        this.version = version;
        this.buffers = buffers;
        this.etag = new HttpField(HttpHeader.ETAG, version.etag());
        this.lastModified = new HttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(version.lastModified()));
        this.contentLength = new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, version.size());
    }

    @Override
    public HttpField getETag() {
        return etag;
    }

    @Override
    public String getETagValue() {
        return etag.getValue();
    }

    @Override
    public HttpField getLastModified() {
        return lastModified;
    }

    @Override
    public Instant getLastModifiedInstant() {
        return version.lastModified();
    }

    @Override
    public HttpField getContentLength() {
        return contentLength;
    }

    @Override
    public long getContentLengthValue() {
        return version.size();
    }

    @Override
    public void writeTo(Content.Sink sink, long offset, long length, Callback callback) {
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        try {
            if (!FileVersion.of(file).equals(Optional.of(version)) || channel.size() != version.size()) {
                closeQuietly(channel);
                callback.failed(new IOException(file + " was replaced while it was being sent"));
                return;
            }
        } catch (IOException e) {
            closeQuietly(channel);
            callback.failed(e);
            return;
        }
        Content.copy(Content.Source.from(buffers, channel, offset, length), sink,
                Callback.from(callback, () -> closeQuietly(channel)));
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // only read from; nothing was lost
        }
    }
}
