package dev.feedwright.liveness;

/**
 * What checking one link found, before it is written to the store.
 *
 * @param kind           the finding
 * @param status         the last HTTP status, 0 when none
 * @param detail         a short reason for people, such as {@code HTTP 404} or {@code timeout}
 * @param movedTo        where a chain of permanent redirects led, or null
 * @param etag           validators of an ALIVE answer, or null
 * @param lastModified   validators of an ALIVE answer, or null
 * @param validatorUrl   the address those validators belong to, or null
 * @param notModified    the server answered 304 to a conditional request: keep the stored validators
 * @param networkFailure the check failed for a reason that says more about the network than the
 *                       site (a timeout, a refused or reset connection); counts towards "the network looks down"
 */
record Outcome(Kind kind, int status, String detail, String movedTo, String etag, String lastModified,
        String validatorUrl, boolean notModified, boolean networkFailure) {

    /** The findings a check can end with. */
    enum Kind {
        ALIVE,
        DEAD,
        UNKNOWN,
        REFUSED,
        /** The host name did not resolve: DEAD while other names resolve, else UNKNOWN. */
        NO_HOST
    }

    static Outcome of(Kind kind, int status, String detail) {
        return new Outcome(kind, status, detail, null, null, null, null, false, false);
    }

    static Outcome network(String detail) {
        return new Outcome(Kind.UNKNOWN, 0, detail, null, null, null, null, false, true);
    }

    /** The same outcome as another kind, for a missing host once the run knows whether names resolve. */
    Outcome as(Kind newKind) {
        return new Outcome(newKind, status, detail, movedTo, etag, lastModified, validatorUrl, notModified,
                networkFailure);
    }
}
