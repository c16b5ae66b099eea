package dev.feedwright.serve;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's resource handling, set up for a folder of feeds, with two corrections.
 *
 * <ul>
 *   <li>Content comes from {@link RenameSafeContentFactory} instead of Jetty's stack of content
 *       factories. Jetty's default keeps recent files in memory, revalidating them at most once a
 *       second, and maps large files into memory: it would serve a feed for up to a second after
 *       an export replaced it (a reader polling then is told 304 for the old version), and it
 *       measures a file and reads its bytes at different moments, which a rename in between turns
 *       into one version's headers on another's bytes. No cache is used; each request reads the
 *       file, in practice from the operating system's page cache.</li>
 *   <li>A {@code 304 Not Modified} carries the {@code ETag} and {@code Cache-Control} that a
 *       {@code 200} would. Jetty sends a 304 through its error page handler, which replaces
 *       {@code Cache-Control} with {@code no-store}; after {@code If-Modified-Since} it leaves
 *       out the entity tag, and so does its gzip wrapper.</li>
 * </ul>
 *
 * <p>Only {@code /} is answered for a folder, with its {@code index.html}; no folder is listed,
 * ranges are not offered (no feed reader asks for part of a feed, and they do not mix with gzip).
 */
final class FeedResourceHandler extends ResourceHandler {

    FeedResourceHandler(Duration maxAge) {
        setDirAllowed(false);
        setWelcomeFiles("index.html");
        setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        setEtags(true);
        setAcceptRanges(false);
        setCacheControl("public, max-age=" + maxAge.toSeconds());
    }

    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized buffers) {
        return new RenameSafeContentFactory(
                new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), buffers), buffers);
    }

    @Override
    protected ResourceService newResourceService() {
        return new NotModifiedWithHeaders();
    }

    /**
     * Opens each file before its headers are used and closes it when the response is complete
     * (see {@link RenameSafeContent}); sends 304 itself, with the headers a cache needs, instead of
     * through the error handler.
     */
    private static final class NotModifiedWithHeaders extends ResourceService {

        @Override
        public HttpContent getContent(String path, Request request) throws IOException {
            HttpContent content = super.getContent(path, request);
            if (content instanceof RenameSafeContent file) {
                file.open();
                Request.addCompletionListener(request, failure -> file.close());
            }
            return content;
        }

        /**
         * Serves {@code index.html} for {@code /} only when it is a file that would be served by its
         * own path. Jetty picks the welcome file following symbolic links, then asks the content
         * factory, which has nothing for a link, and fails on that with a 500 and a stack trace.
         */
        @Override
        protected void serveWelcome(Request request, Response response, Callback callback, String welcomeTarget)
                throws Exception {
            if (getHttpContentFactory().getContent(welcomeTarget) == null) {
                writeHttpError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return;
            }
            super.serveWelcome(request, response, callback, welcomeTarget);
        }

        /**
         * {@code If-None-Match: *} matches any file that exists (RFC 9110, 13.1.2), which Jetty
         * does not check for a {@code GET}: a 304 then, as for a matching tag.
         */
        @Override
        protected boolean handleConditionalHeaders(Request request, Response response, HttpContent content,
                Callback callback) throws IOException {
            if ("*".equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                putNotModifiedHeaders(response, content);
                writeHttpError(request, response, callback, HttpStatus.NOT_MODIFIED_304);
                return true;
            }
            return super.handleConditionalHeaders(request, response, content, callback);
        }

        @Override
        protected void putNotModifiedHeaders(Response response, HttpContent content) {
            super.putNotModifiedHeaders(response, content);
            if (!response.getHeaders().contains(HttpHeader.ETAG) && content.getETag() != null) {
                response.getHeaders().put(content.getETag());
            }
        }

        @Override
        protected void writeHttpError(Request request, Response response, Callback callback, int status) {
            if (status == HttpStatus.FORBIDDEN_403) {
                // Jetty's answer for a folder without its index page, which is not listed: to a
                // reader, as for any other folder, nothing is there.
                super.writeHttpError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return;
            }
            if (status != HttpStatus.NOT_MODIFIED_304) {
                super.writeHttpError(request, response, callback, status);
                return;
            }
            // Jetty's gzip wrapper replaces the entity tag when the status is set, with the one the
            // request named in If-None-Match, or with none after If-Modified-Since.
            String etag = response.getHeaders().get(HttpHeader.ETAG);
            response.setStatus(status);
            if (etag != null && !response.getHeaders().contains(HttpHeader.ETAG)) {
                response.getHeaders().put(HttpHeader.ETAG, etag);
            }
            response.write(true, null, callback);
        }
    }
}
