package dev.feedwright.serve;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a browser show an RSS or Atom file as a page. Browsers display {@code application/rss+xml}
 * and {@code application/atom+xml} as plain text (or download it) and apply the file's
 * {@code feed.xsl} stylesheet only to a generic XML type, so a request that a browser makes to
 * navigate to a page (it accepts {@code text/html} and names no feed type) gets the same bytes as
 * {@code application/xml}. Feed readers, which ask for feed types or anything, get the exact type.
 * Every feed response says {@code Vary: Accept}, so that caches keep the two apart.
 */
final class BrowserView extends Handler.Wrapper {

    static final String BROWSER_TYPE = "application/xml;charset=utf-8";

    BrowserView(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.endsWith(".xml") && !path.endsWith(".atom")) {
            return super.handle(request, response, callback);
        }
        boolean browser = isBrowserNavigation(request.getHeaders().get(HttpHeader.ACCEPT));
        FeedResponse wrapped = new FeedResponse(request, response, browser);
        wrapped.getHeaders().add(HttpHeader.VARY, HttpHeader.ACCEPT.asString());
        return super.handle(request, wrapped, callback);
    }

    /** True for the Accept header of a browser loading a page: HTML wanted, no feed type named. */
    static boolean isBrowserNavigation(String accept) {
        return accept != null && accept.contains("text/html") && !accept.contains("rss") && !accept.contains("atom");
    }

    /**
     * A feed response: its {@code Vary} always names {@code Accept} (whatever later handlers such
     * as compression put there), and for a browser its Content-Type is the generic XML type.
     */
    private static final class FeedResponse extends Response.Wrapper {

        private final HttpFields.Mutable headers;

        FeedResponse(Request request, Response wrapped, boolean browser) {
            super(request, wrapped);
            this.headers = new HttpFields.Mutable.Wrapper(wrapped.getHeaders()) {
                @Override
                public HttpField onAddField(HttpField field) {
                    return adjust(field, browser);
                }

                @Override
                public HttpField onReplaceField(HttpField oldField, HttpField newField) {
                    return adjust(newField, browser);
                }
            };
        }

        @Override
        public HttpFields.Mutable getHeaders() {
            return headers;
        }

        private static HttpField adjust(HttpField field, boolean browser) {
            if (browser && field.getHeader() == HttpHeader.CONTENT_TYPE) {
                return new HttpField(HttpHeader.CONTENT_TYPE, BROWSER_TYPE);
            }
            if (field.getHeader() == HttpHeader.VARY && !field.contains(HttpHeader.ACCEPT.asString())) {
                return new HttpField(HttpHeader.VARY, field.getValue() + ", " + HttpHeader.ACCEPT.asString());
            }
            return field;
        }
    }
}
