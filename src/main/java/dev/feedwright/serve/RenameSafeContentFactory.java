package dev.feedwright.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.resource.Resource;

/**
 * Finds the content for a request path: Jetty's factory resolves the path in the folder and picks
 * the media type; this one turns each regular file into a {@link RenameSafeContent}, hides
 * every folder but the top one (whose {@code index.html} is served for {@code /}), and returns
 * nothing for whatever is not a regular file.
 */
final class RenameSafeContentFactory implements HttpContent.Factory {

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
        Optional<FileVersion> version = FileVersion.of(file);
        return version.isEmpty() ? null : new RenameSafeContent(content, file, version.get(), buffers);
    }
}
