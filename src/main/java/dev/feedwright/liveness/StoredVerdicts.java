package dev.feedwright.liveness;

import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.StateStoreException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

    /** Links confirmed dead: their articles leave the feeds. */
    public int deadLinks() {
        return dead.size();
    }

    /** Links that moved for good: the feeds link to the new address. */
    public int movedLinks() {
        return moved.size();
    }
}
