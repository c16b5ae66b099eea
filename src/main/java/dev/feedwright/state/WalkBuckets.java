package dev.feedwright.state;

import java.util.Arrays;

/**
 * What a walk of the corpus saw, in a few thousand buckets: for each bucket, how many files and
 * the sum of their walk hashes. Added up file by file as a walk goes, or read from the store
 * ({@link ExportStore#walkBuckets()}), which keeps each file's hash and bucket: a run whose walk
 * gives the same counts and sums as the store has nothing to look up file by file, and one that
 * differs looks up only the files of the buckets that differ.
 */
public final class WalkBuckets {

    /** How many buckets the files are sorted into, by path. */
    public static final int COUNT = 4096;

    private final long[] counts = new long[COUNT];
    private final long[] sums = new long[COUNT];

    /**
     * What a walk sees of a file, its path, size and modification time, hashed into 44 bits (so
     * that a bucket's sum stays exact in 64-bit integers up to half a million files). A change of
     * size or time changes it but with odds of one in 2^44, and so does the sum of a bucket in
     * which files changed, came, went, or swapped sizes and times. Not for security. Stored with
     * each file: a new formula needs a migration that makes every file look touched, as schema
     * 5's does.
     */
    public static long hash(String path, long size, long mtime) {
        return hash(pathHash(path), size, mtime);
    }

    private static long hash(long pathHash, long size, long mtime) {
        long h = pathHash * 0xbf58476d1ce4e5b9L;
        h = (h ^ size ^ (h >>> 31)) * 0x94d049bb133111ebL;
        h = (h ^ mtime ^ (h >>> 29)) * 0xff51afd7ed558ccdL;
        return (h ^ (h >>> 32)) >>> 20;
    }

    /** The bucket of a file, by its path alone, so that a file stays in its bucket when it changes. */
    public static int bucket(String path) {
        return bucket(pathHash(path));
    }

    private static int bucket(long pathHash) {
        return (int) (pathHash >>> 52) & (COUNT - 1);
    }

    /**
     * FNV-1a over the path's chars, not String.hashCode: "Aa.md" and "BB.md" share that one, and
     * the two files swapping sizes and times would leave their bucket's sum as it was.
     */
    private static long pathHash(String path) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            h = (h ^ path.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Adds a file as the walk saw it. */
    public void add(String path, long size, long mtime) {
        long pathHash = pathHash(path);
        int bucket = bucket(pathHash);
        counts[bucket]++;
        sums[bucket] += hash(pathHash, size, mtime);
    }

    /** Sets a bucket's count and sum as the store holds them. */
    void set(int bucket, long count, long sum) {
        counts[bucket] = count;
        sums[bucket] = sum;
    }

    /** How many files in all. */
    public long files() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The buckets whose count or sum differs from {@code other}'s (a file in them new,
     * changed, touched or gone), or null when every bucket matches.
     */
    public boolean[] changedSince(WalkBuckets other) {
        boolean[] changed = new boolean[COUNT];
        boolean any = false;
        for (int bucket = 0; bucket < COUNT; bucket++) {
            changed[bucket] = counts[bucket] != other.counts[bucket] || sums[bucket] != other.sums[bucket];
            any |= changed[bucket];
        }
        return any ? changed : null;
    }

    public long[] counts() {
        return counts.clone();
    }

    public long[] sums() {
        return sums.clone();
    }
}
