package dev.feedwright.liveness;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether the network, rather than the links, is failing. The first {@code sample}
 * results of a run are held back: when more than {@code percent} of them failed for network
 * reasons the run stops and nothing it found is written, so a machine that lost its connection
 * never marks the corpus dead. After that, the same rule over the latest {@code sample} results
 * stops a run whose network goes away half way. The failures of one host alone, while another
 * host answers, are that host's and not the network's: a corpus of a few links, one outlet of which
 * is down, still has its other links' results written. Not thread-safe: the caller serialises.
 */
final class NetworkBreaker {

    /** What to do with a result just recorded. */
    enum Decision {
        /** Still inside the first sample: keep it back. */
        HOLD,
        /** The first sample is complete and healthy: write everything held, and this one. */
        RELEASE,
        /** Write it. */
        PASS,
        /** The network looks down: stop checking, drop what is held. */
        TRIP
    }

    private final int sample;
    private final int percent;
    /** The host of each failure in the latest {@code sample} results; null where the result was no failure. */
    private final String[] window;
    /** How many failures each host has in the window. */
    private final Map<String, Integer> failingHosts = new HashMap<>();
    private int count;
    /** Network failures in the window: until the first sample is complete, every one so far. */
    private int failures;
    private boolean tripped;

    NetworkBreaker(int sample, int percent) {
        if (sample < 1 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("sample must be positive and percent 0..100, was " + sample + ", "
                    + percent);
        }
        this.sample = sample;
        this.percent = percent;
        this.window = new String[sample];
    }

    /** Records one link's result: whether it failed for network reasons, and its host. */
    Decision record(boolean networkFailure, String host) {
        if (tripped) {
            return Decision.TRIP;
        }
        int slot = count % sample;
        if (count >= sample && window[slot] != null) {
            failures--;
            failingHosts.merge(window[slot], -1, (was, minus) -> was == 1 ? null : was + minus);
        }
        window[slot] = networkFailure ? host : null;
        count++;
        if (networkFailure) {
            failures++;
            failingHosts.merge(host, 1, Integer::sum);
        }
        if (count < sample) {
            // Trip once no later result could bring the sample back under the limit: the rest of
            // the sample may be slow to fail (a resolver that times out takes 5 s a name). One
            // host's failures wait for the end of the sample: the others may yet answer.
            return tooMany(failures, sample) && failingHosts.size() > 1 ? trip() : Decision.HOLD;
        }
        if (tooMany(failures, sample) && notOneHostAlone(sample)) {
            return trip();
        }
        return count == sample ? Decision.RELEASE : Decision.PASS;
    }

    /**
     * Ends a run: a run with fewer links than the sample is judged on what it has.
     *
     * @return true when the network looks down
     */
    boolean finish() {
        if (!tripped && count > 0 && count < sample && tooMany(failures, count) && notOneHostAlone(count)) {
            tripped = true;
        }
        return tripped;
    }

    boolean tripped() {
        return tripped;
    }

    /** How many results were recorded. */
    int recorded() {
        return count;
    }

    /** Network failures among the first sample, or among the latest window once past it. */
    int failures() {
        return failures;
    }

    int sample() {
        return sample;
    }

    /**
     * Whether the window's failures are not one host's alone while others answered: they are of
     * more than one host, or every one of its {@code results} failed.
     */
    private boolean notOneHostAlone(int results) {
        return failingHosts.size() > 1 || failures == results;
    }

    private boolean tooMany(int failed, int of) {
        return (long) failed * 100 > (long) percent * of;
    }

    private Decision trip() {
        tripped = true;
        return Decision.TRIP;
    }
}
