package dev.feedwright.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Stable item ids. An article's id is a name-based (version 5) UUID of its canonical link as first
 * read from the corpus, in the URL namespace of RFC 4122, written as a {@code urn:uuid:} IRI: the
 * same in RSS ({@code guid isPermaLink="false"}), Atom ({@code id}) and JSON Feed, the same on
 * every run, and unchanged when a later link check finds the article has moved. It is made from
 * {@link CanonicalLinks#forId}: an AMP page given as an article's link has its plain page's id,
 * and a {@code www.} before the host stays, though two links that differ only by it are one
 * article ({@link CanonicalLinks#of}).
 */
public final class ItemIds {

    /** RFC 4122's namespace for names that are URLs. */
    private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private ItemIds() {
    }

    /** The id of the article whose canonical link is {@code canonicalLink}. */
    public static String of(String canonicalLink) {
        return "urn:uuid:" + nameUuid(URL_NAMESPACE, canonicalLink);
    }

    static UUID nameUuid(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
