package dev.feedwright.serve;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.http.HttpFields;
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

    /** The request attribute under which a conditional request's content waits for its 304. */
    private static final String CONTENT = FeedResourceHandler.class.getName() + ".content";

    /** Read when a 304 is sent (Jetty's constructor makes the resource service before this is set). */
    private final GzipVariant gzip;

    FeedResourceHandler(Duration maxAge, GzipVariant gzip) {
        this.gzip = gzip;
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
    private final class NotModifiedWithHeaders extends ResourceService {

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
         * does not check for a {@code GET}: a 304 then, as for a matching tag. A file sent without
         * {@code Last-Modified} (written in the current second, see {@link RenameSafeContent})
         * has no modification date to compare, so {@code If-Modified-Since} and
         * {@code If-Unmodified-Since} are ignored (RFC 9110, 13.1.3 and 13.1.4): Jetty compares
         * them in whole seconds with the file's time, and would call a version written later in
         * the same second "not modified".
         */
        @Override
        protected boolean handleConditionalHeaders(Request request, Response response, HttpContent content,
                Callback callback) throws IOException {
            request.setAttribute(CONTENT, content);
            if ("*".equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                putNotModifiedHeaders(response, content);
                writeHttpError(request, response, callback, HttpStatus.NOT_MODIFIED_304);
                return true;
            }
            HttpFields headers = request.getHeaders();
            if (content.getLastModified() == null && (headers.contains(HttpHeader.IF_MODIFIED_SINCE)
                    || headers.contains(HttpHeader.IF_UNMODIFIED_SINCE))) {
                request = RequestHeaders.replaced(request, HttpFields.build(headers)
                        .remove(HttpHeader.IF_MODIFIED_SINCE)
                        .remove(HttpHeader.IF_UNMODIFIED_SINCE));
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
            // Jetty's gzip layer, there for a request that accepts gzip, replaces the entity tag
            // when the status is set: with the request's If-None-Match as it came (a list, "*", or
            // the plain file's tag, which matches too), or with none after If-Modified-Since; and
            // to a HEAD it adds its suffix to whatever tag is there. The tag a 200 would carry is
            // put instead, and the answer, which has no body, is written past the layers that
            // would change it again.
            String etag = response.getHeaders().get(HttpHeader.ETAG);
            response.setStatus(status);
            Response unwrapped = Response.getOriginalResponse(response);
            if (etag != null && gzip.accepted(request) && request.getAttribute(CONTENT) instanceof HttpContent content) {
                unwrapped.getHeaders().put(HttpHeader.ETAG, gzip.tagWhenAccepted(content));
            }
            unwrapped.write(true, null, callback);
        }
    }
}
