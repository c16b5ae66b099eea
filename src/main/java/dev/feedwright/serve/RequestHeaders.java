package dev.feedwright.serve;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/** A request whose headers a handler changed before the handlers after it read them. */
final class RequestHeaders {

    private RequestHeaders() {
    }

    /** {@code request} with {@code headers} in place of its own. */
    static Request replaced(Request request, HttpFields.Mutable headers) {
        HttpFields fields = headers.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return fields;
            }
        };
    }
}
