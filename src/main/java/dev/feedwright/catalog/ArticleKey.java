package dev.feedwright.catalog;

import java.util.Objects;

/**
 * What the catalog needs to know of one article to place it in feeds, without its text.
 *
 * @param published     epoch second of publication
 * @param canonicalHash {@link Hash64} of its canonical link: same hash, same article
 * @param linkHash      {@link Hash64} of its link as read, to apply link checks' verdicts
 * @param domain        its provider's domain: its provider feed
 * @param providerName  its provider's name, to tell whether a provider's articles agree on one
 */
public record ArticleKey(long published, long canonicalHash, long linkHash, String domain, String providerName) {

    public ArticleKey {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(providerName, "providerName");
    }
}
