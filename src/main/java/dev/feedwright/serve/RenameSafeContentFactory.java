package dev.feedwright.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.resource.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the content for a request path: Jetty's factory resolves the path in the folder and picks
 * the media type; this one turns each regular file into a {@link RenameSafeContent}, hides
 * every folder but the top one (whose {@code index.html} is served for {@code /}), and returns
 * nothing for whatever is not a regular file or cannot be read.
 */
final class RenameSafeContentFactory implements HttpContent.Factory {

    private static final Logger LOG = LoggerFactory.getLogger(RenameSafeContentFactory.class);

    /** The paths answered as missing because their file cannot be read, each logged once. */
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private final HttpContent.Factory resources;
    private final ByteBufferPool.Sized buffers;

    RenameSafeContentFactory(HttpContent.Factory resources, ByteBufferPool.Sized buffers) {
        this.resources = resources;
        this.buffers = buffers;
    }

    @Override
    public HttpContent getContent(String path) throws IOException {
        HttpContent content = resources.getContent(path);
        if (content == null) {
            return null;
        }
        Resource resource = content.getResource();
        if (resource.isDirectory()) {
            return "/".equals(path) ? content : null;
        }
        Path file = resource.getPath();
        if (file == null) {
            return null;
        }
        if (!Files.isReadable(file)) {
            // Answered as missing, not with a 500 naming the file's place on disk; said once a file.
            if (unreadable.add(path)) {
                LOG.warn("serve: {} cannot be read (permission denied): answered 404 until it can be", path);
            }
            return null;
        }
        unreadable.remove(path);
        Optional<FileVersion> version = FileVersion.of(file);
        return version.isEmpty() ? null : new RenameSafeContent(content, file, version.get(), buffers);
    }
}
