package dev.feedwright.liveness;

import dev.feedwright.liveness.LinkCheckReport.GivenUpHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-host cut-off of one run ({@code liveness.hostGiveUp}): a host whose links got no answer
 * (a timeout, a refused or reset connection) {@code giveUpAfter} links in a row is given up, and
 * the run requests it no more. Without it each link of a black-holed outlet costs every try of
 * the read timeout plus the backoff, {@code perHost} at a time, and a thousand of them hold a run
 * for hours. Each link counts once, on its first request to the host (its retries add nothing),
 * so a streak means that many different links; any HTTP answer from the host starts it over.
 * Only hosts with a streak, or given up, are remembered. Thread-safe.
 */
final class SilentHosts {

    private final int giveUpAfter;
    private final Map<String, Integer> streaks = new HashMap<>();
    private final Map<String, Long> givenUp = new LinkedHashMap<>();

    /** @param giveUpAfter links in a row without an answer that give a host up; 0 never gives up */
    SilentHosts(int giveUpAfter) {
        if (giveUpAfter < 0) {
            throw new IllegalArgumentException("giveUpAfter must be at least 0, was " + giveUpAfter);
        }
        this.giveUpAfter = giveUpAfter;
    }

    /** {@code host} sent an HTTP answer (any status): its streak starts over. */
    synchronized void answered(String host) {
        streaks.remove(host);
    }

    /**
     * A link's first request to {@code host} got no answer.
     *
     * @return true when this gives the host up (once per host)
     */
    synchronized boolean silent(String host) {
        if (giveUpAfter == 0 || givenUp.containsKey(host)) {
            return false;
        }
        int streak = streaks.merge(host, 1, Integer::sum);
        if (streak < giveUpAfter) {
            return false;
        }
        streaks.remove(host);
        givenUp.put(host, 0L);
        return true;
    }

    /** Whether the run requests {@code host} no more. */
    synchronized boolean isGivenUp(String host) {
        return givenUp.containsKey(host);
    }

    /** One more link of a given-up host was left as it was. */
    synchronized void left(String host) {
        givenUp.computeIfPresent(host, (h, left) -> left + 1);
    }

    /** The hosts given up, the most links left first (then in the order they were given up). */
    synchronized List<GivenUpHost> givenUp() {
        List<GivenUpHost> all = new ArrayList<>();
        givenUp.forEach((host, left) -> all.add(new GivenUpHost(host, left)));
        all.sort(Comparator.comparingLong(GivenUpHost::left).reversed());
        return all;
    }
}
