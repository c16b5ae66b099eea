package dev.feedwright.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets through only what a reader may fetch: {@code GET} and {@code HEAD} (else 405), and no path
 * with a hidden segment, one starting with {@code .}, such as the manifest
 * {@code .feedwright-files}, the lock file or an export's temporary files (else 404). A segment
 * with a backslash is refused too: no file Feedwright writes has one, and on some systems it
 * separates folders. Jetty has already decoded and normalised the path and refused one that
 * climbs out of the folder.
 */
final class PathGuard extends Handler.Wrapper {

    PathGuard(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (isHidden(Request.getPathInContext(request))) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Whether a decoded path has a segment that starts with a dot or holds a backslash. */
    static boolean isHidden(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.startsWith(".") || segment.indexOf('\\') >= 0) {
                return true;
            }
        }
        return false;
    }
}
