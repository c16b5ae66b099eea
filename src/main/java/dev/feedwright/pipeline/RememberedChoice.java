package dev.feedwright.pipeline;

import dev.feedwright.catalog.ArticleKey;
import dev.feedwright.catalog.Candidate;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.ChosenItems;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.catalog.FileKeys;
import dev.feedwright.corpus.Story;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateStoreException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses the items of stale feeds from what they remember, without a pass over every file's
 * keys. A feed remembers every item it held when it was last written; when only the files read
 * in this run have changed since, its new items are the newest among those it held and the
 * articles of those files. That holds as long as none of its items was lost: an item whose file
 * changed must still be there, with the same date and link, so that no article it outranked (and
 * that the feed therefore does not remember) can take its place. A feed for which that cannot be
 * shown is left to the pass over every file's keys.
 */
final class RememberedChoice {

    private final ExportStore store;
    private final Catalog catalog;

    /**
     * @param catalog a catalog for the feeds to try, and for them only (its {@code wanted}): it
     *                gets the keys of their items' files and the stories read in this run
     */
    RememberedChoice(ExportStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * An article's place in a feed's order: its file, its index there, its date, its canonical
     * link and whether its link is already that (which ranks it among listings of one article).
     */
    private record Place(String source, int index, long published, long canonicalHash, boolean canonicalLink) {

        static Place of(String source, int index, ArticleKey key) {
            return new Place(source, index, key.published(), key.canonicalHash(), key.linkHash() == key.canonicalHash());
        }
    }

    /** One remembered item, as much of it as the choice needs: its place, and its file's checksum then. */
    private record Held(Place place, long checksum) {

        static Held of(ChosenItems.Item item) {
            return new Held(Place.of(item.source(), item.index(), item.key()), item.checksum());
        }

        String source() {
            return place.source();
        }
    }

    /**
     * Settles what it can of {@code feeds}.
     *
     * @param feeds   stale feeds that no article of an unchanged file can have entered since they
     *                were last written: no article came due, and the feed settings and link
     *                verdicts are those of that export
     * @param changed the story of every file changed since those feeds were last written, that is,
     *                of every file read in this run (a file that went away or no longer reads has none)
     * @return the feeds settled, each with its chosen candidates in feed order
     */
    Map<FeedRef, List<Candidate>> settle(Set<FeedRef> feeds, Map<String, Story> changed) throws StateStoreException {
        Map<FeedRef, List<Held>> held = new HashMap<>();
        Set<String> sources = new HashSet<>();
        store.forEachChosen(feeds.stream().map(FeedStates::id).toList(), (id, bytes) ->
                ChosenItems.decode(bytes).filter(ChosenItems.Remembered::complete).ifPresent(remembered -> {
                    List<Held> items = remembered.items().stream().map(Held::of).toList();
                    items.forEach(item -> sources.add(item.source()));
                    held.put(FeedStates.ref(id.kind(), id.name()), items);
                }));
        if (held.isEmpty()) {
            return Map.of();
        }
        // One pass over the rows of the items' files: each file's checksum now, and the keys of
        // those not read in this run (the stories of the others are offered below).
        Map<String, Long> checksums = new HashMap<>();
        store.forEachFileIn(sources, row -> {
            checksums.put(row.path(), row.checksum());
            if (row.keys() != null && !changed.containsKey(row.path())) {
                catalog.offer(FileKeys.decode(row.path(), row.keys()), null);
            }
        });
        changed.values().forEach(catalog::add);
        Map<FeedRef, List<Candidate>> chosen = catalog.selections();
        Map<FeedRef, List<Candidate>> settled = new TreeMap<>();
        held.forEach((feed, items) -> {
            List<Candidate> candidates = chosen.getOrDefault(feed, List.of());
            if (keepsEveryItem(candidates, items, checksums)) {
                settled.put(feed, candidates);
            }
        });
        return settled;
    }

    /** Whether every remembered item whose file changed is still chosen, in the same place of the order. */
    private static boolean keepsEveryItem(List<Candidate> candidates, List<Held> items, Map<String, Long> checksums) {
        Set<Place> chosen = null;
        for (Held item : items) {
            if (Objects.equals(checksums.get(item.source()), item.checksum())) {
                continue;
            }
            if (chosen == null) {
                chosen = new HashSet<>();
                for (Candidate candidate : candidates) {
                    chosen.add(Place.of(candidate.file().source(), candidate.index(), candidate.key()));
                }
            }
            if (!chosen.contains(item.place())) {
                return false;
            }
        }
        return true;
    }
}
