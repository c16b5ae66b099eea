package dev.feedwright.catalog;

/**
 * A 64-bit hash of a string, for compact keys: two different links share one with odds of about
 * one in 10^19 per pair, small enough to tell a million articles apart. Not for security.
 */
public final class Hash64 {

    private Hash64() {
    }

    public static long of(String s) {
        long h = 0xcbf29ce484222325L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's finaliser: spreads every input bit over the whole result. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
