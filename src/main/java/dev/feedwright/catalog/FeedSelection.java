package dev.feedwright.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The newest {@code limit} distinct articles offered to one feed, whatever order they come in.
 * It holds at most {@code limit} candidates: memory grows with the number of feeds, not with the
 * corpus. Two candidates with the same canonical link are one article; the one first in
 * {@link Candidate#ORDER} is kept, so the result equals "dedupe everything, sort, take the first
 * {@code limit}".
 */
final class FeedSelection {

    private final int limit;
    /** Worst candidate at the head, so that it is the one to evict. */
    private final PriorityQueue<Candidate> heap;
    private final Map<Long, Candidate> byCanonical;

    FeedSelection(int limit) {
        this.limit = limit;
        this.heap = new PriorityQueue<>(Math.min(limit, 64) + 1, Candidate.ORDER.reversed());
        this.byCanonical = new HashMap<>();
    }

    void offer(Candidate candidate) {
        long canonical = candidate.key().canonicalHash();
        Candidate same = byCanonical.get(canonical);
        if (same != null) {
            if (Candidate.ORDER.compare(candidate, same) < 0) {
                heap.remove(same);
                heap.add(candidate);
                byCanonical.put(canonical, candidate);
            }
            return;
        }
        if (heap.size() < limit) {
            heap.add(candidate);
            byCanonical.put(canonical, candidate);
            return;
        }
        Candidate worst = heap.peek();
        if (Candidate.ORDER.compare(candidate, worst) < 0) {
            heap.poll();
            byCanonical.remove(worst.key().canonicalHash());
            heap.add(candidate);
            byCanonical.put(canonical, candidate);
        }
    }

    /** The kept candidates, in feed order. */
    List<Candidate> candidates() {
        List<Candidate> kept = new ArrayList<>(heap);
        kept.sort(Candidate.ORDER);
        return kept;
    }
}
