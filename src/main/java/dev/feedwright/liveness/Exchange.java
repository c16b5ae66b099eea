package dev.feedwright.liveness;

import java.io.IOException;

/**
 * What one HTTP request gave: the status and the few headers a link check reads, or the failure.
 *
 * @param status       the HTTP status, 0 on failure
 * @param location     the {@code Location} header, or null
 * @param retryAfter   the {@code Retry-After} header, or null
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 * @param failure      why no answer came, or null
 */
record Exchange(int status, String location, String retryAfter, String etag, String lastModified,
        IOException failure) {

    static Exchange failed(IOException failure) {
        return new Exchange(0, null, null, null, null, failure);
    }

    boolean failed() {
        return failure != null;
    }
}
