package dev.feedwright.state;

/** What the last check of a link found. */
public enum LinkState {
    /** A 2xx answer (or 304 to a conditional request), possibly after redirects. */
    ALIVE,
    /** 404, 410, or a host name that did not resolve while others did. */
    DEAD,
    /** Nothing to learn about the article: a timeout, a reset, 5xx, 429, 403, a TLS error, a redirect loop. */
    UNKNOWN,
    /** Never requested: the link (or a redirect) leads to a private address or a scheme other than http(s). */
    REFUSED
}
