package dev.feedwright.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The newest {@code limit} distinct articles offered to one feed, whatever order they come in.
 * It holds at most {@code limit} entries: memory grows with the number of feeds, not with the
 * corpus. Two entries with the same canonical link are one article; the one first in
 * {@link Entry#ORDER} is kept, so the result equals "dedupe everything, sort, take the first
 * {@code limit}".
 */
final class FeedSelection {

    private final int limit;
    /** Worst entry at the head, so that it is the one to evict. */
    private final PriorityQueue<Entry> heap;
    private final Map<String, Entry> byCanonical;

    FeedSelection(int limit) {
        this.limit = limit;
        this.heap = new PriorityQueue<>(Math.min(limit, 64) + 1, Entry.ORDER.reversed());
        this.byCanonical = new HashMap<>();
    }

    void offer(Entry entry) {
        Entry same = byCanonical.get(entry.canonical());
        if (same != null) {
            if (Entry.ORDER.compare(entry, same) < 0) {
                heap.remove(same);
                heap.add(entry);
                byCanonical.put(entry.canonical(), entry);
            }
            return;
        }
        if (heap.size() < limit) {
            heap.add(entry);
            byCanonical.put(entry.canonical(), entry);
            return;
        }
        Entry worst = heap.peek();
        if (Entry.ORDER.compare(entry, worst) < 0) {
            heap.poll();
            byCanonical.remove(worst.canonical());
            heap.add(entry);
            byCanonical.put(entry.canonical(), entry);
        }
    }

    /** The kept entries, in feed order. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(heap);
        entries.sort(Entry.ORDER);
        return List.copyOf(entries);
    }
}
