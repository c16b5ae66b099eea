package dev.feedwright.serve;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Compares the entity tags of {@code If-None-Match} weakly, as RFC 9110 (13.1.2) says that header
 * is compared: {@code W/"x"} matches {@code "x"}. Jetty compares them strongly, so a reader behind
 * a proxy that weakens tags (nginx does when it changes a response) got every feed whole on every
 * poll instead of {@code 304}. The tags lose their {@code W/} before Jetty (and its gzip layer,
 * which reads the same header) sees them.
 */
final class WeakTags extends Handler.Wrapper {

    WeakTags(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch == null || !ifNoneMatch.contains("W/")) {
            return super.handle(request, response, callback);
        }
        return super.handle(RequestHeaders.replaced(request, HttpFields.build(request.getHeaders())
                .put(HttpHeader.IF_NONE_MATCH, strong(ifNoneMatch))), response, callback);
    }

    /** The list of tags with each {@code W/} prefix taken off; quoted text is left alone. */
    static String strong(String tags) {
        StringBuilder out = new StringBuilder(tags.length());
        boolean quoted = false;
        for (int i = 0; i < tags.length(); i++) {
            char c = tags.charAt(i);
            if (!quoted && c == 'W' && tags.startsWith("W/\"", i)) {
                i++; // skip "W/"; the quote opens the tag on the next turn
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            out.append(c);
        }
        return out.toString();
    }
}
