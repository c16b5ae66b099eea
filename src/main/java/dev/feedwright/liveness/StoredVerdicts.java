package dev.feedwright.liveness;

import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.StateStoreException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verdicts an export applies, read from the link store: only the links that change a feed
 * (confirmed dead, or permanently moved) are held in memory, however large the corpus.
 */
public final class StoredVerdicts implements LinkVerdicts {

    private final Map<String, String> moved;
    private final Set<String> dead;

    private StoredVerdicts(Map<String, String> moved, Set<String> dead) {
        this.moved = moved;
        this.dead = dead;
    }

    /**
     * Reads the verdicts for the links that corpus pass {@code stamp} listed.
     *
     * @param confirmAfter a link is dead only when two DEAD checks lie at least this far apart
     */
    public static StoredVerdicts load(LinkStore store, long stamp, Duration confirmAfter) throws StateStoreException {
        Map<String, String> moved = new HashMap<>();
        Set<String> dead = new HashSet<>();
        store.forEachVerdict(stamp, confirmAfter.toMillis(), (url, movedTo, isDead) -> {
            if (isDead) {
                dead.add(url);
            } else {
                moved.put(url, movedTo);
            }
        });
        return new StoredVerdicts(moved, dead);
    }

    @Override
    public String resolve(String link) {
        return dead.contains(link) ? null : moved.getOrDefault(link, link);
    }

    @Override
    public Set<String> dead() {
        return Set.copyOf(dead);
    }

    @Override
    public String fingerprint() {
        MessageDigest digest = sha256();
        for (String link : new TreeSet<>(dead)) {
            digest.update(("dead " + link + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> move : new TreeMap<>(moved).entrySet()) {
            digest.update(("moved " + move.getKey() + " " + move.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Links confirmed dead: their articles leave the feeds. */
    public int deadLinks() {
        return dead.size();
    }

    /** Links that moved for good: the feeds link to the new address. */
    public int movedLinks() {
        return moved.size();
    }
}
