package dev.feedwright.corpus;

import java.util.Objects;

/**
 * The outlet an article comes from.
 *
 * @param name   its display name as the corpus gives it (for YouTube items, the channel)
 * @param domain its domain, lower-cased, in ASCII, without {@code www.}
 */
public record Provider(String name, String domain) {

    public Provider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("domain must not be empty");
        }
    }
}
