package dev.feedwright.state;

import java.util.Objects;

/**
 * One link as the store remembers it. Times are epoch milliseconds; 0 in {@code checkedAt} means
 * never checked.
 *
 * @param url          the link as first read from the corpus
 * @param host         its host, lower case, which per-host limits and the report group by
 * @param state        what the last check found, or null when never checked
 * @param status       the last HTTP status seen, 0 when none
 * @param detail       a short reason, such as {@code HTTP 404} or {@code connect timed out}
 * @param movedTo      where a permanent redirect led, or null
 * @param checkedAt    when the last check ended
 * @param nextCheck    when the link is due again
 * @param deadSince    the first DEAD check of the current run of DEAD checks, 0 when none
 * @param deadLast     the latest DEAD check of that run, 0 when none
 * @param deadChecks   DEAD checks in that run; an ALIVE check ends it, UNKNOWN does not
 * @param etag         the {@code ETag} of the last ALIVE answer, or null
 * @param lastModified the {@code Last-Modified} of the last ALIVE answer, or null
 * @param validatorUrl the address that answered with those validators, or null
 */
public record LinkRow(
        String url, String host, LinkState state, int status, String detail, String movedTo,
        long checkedAt, long nextCheck, long deadSince, long deadLast, int deadChecks,
        String etag, String lastModified, String validatorUrl) {

    public LinkRow {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
    }

    /** A link never checked. */
    public static LinkRow unchecked(String url, String host) {
        return new LinkRow(url, host, null, 0, null, null, 0, 0, 0, 0, 0, null, null, null);
    }

    /** Whether this link's article must leave the feeds: DEAD on two checks at least {@code confirmAfterMillis} apart. */
    public boolean confirmedDead(long confirmAfterMillis) {
        return deadChecks >= 2 && deadLast - deadSince >= confirmAfterMillis;
    }
}
