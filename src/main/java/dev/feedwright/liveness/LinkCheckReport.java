package dev.feedwright.liveness;

import dev.feedwright.state.LinkStore.HostTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one link check run did.
 *
 * @param links       distinct links the corpus lists
 * @param due         links due for a check
 * @param cached      links skipped because they were checked recently
 * @param excluded    due links that an exclusion pattern kept from being checked
 * @param alive       checks that found the link alive where it was
 * @param moved       checks that found it alive after a permanent redirect
 * @param dead        checks that found it dead (a link leaves the feeds only once confirmed)
 * @param unknown     checks that learned nothing about the article
 * @param refused     links not requested: private addresses, other schemes
 * @param notChecked  due links left unchecked because the run stopped or gave their host up
 * @param worstHosts  the hosts with the most DEAD and UNKNOWN results in this run, worst first
 * @param givenUp     the hosts this run gave up ({@code liveness.hostGiveUp}), most links left first
 * @param hostGiveUp  links in a row without an answer that gave a host up
 * @param networkDown why the run stopped believing the network, or null when it did not
 * @param elapsed     wall time of the check
 */
public record LinkCheckReport(
        long links, long due, long cached, long excluded, long alive, long moved, long dead, long unknown,
        long refused, long notChecked, List<HostTally> worstHosts, List<GivenUpHost> givenUp, int hostGiveUp,
        String networkDown, Duration elapsed) {

    /** The given-up hosts the report names; the rest are counted. */
    private static final int GIVEN_UP_SHOWN = 5;

    /** A host the run stopped requesting, and how many of its links it left as they were. */
    public record GivenUpHost(String host, long left) {
    }

    public LinkCheckReport {
        worstHosts = List.copyOf(worstHosts);
        givenUp = List.copyOf(givenUp);
    }

    /** Checks that ended, whatever they found. */
    public long checked() {
        return alive + moved + dead + unknown + refused;
    }

    public boolean networkLooksDown() {
        return networkDown != null;
    }

    /** The report as lines for people, without a prefix. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d links: %d due, %d skipped as cached, %d excluded; %.2f s",
                links, due, cached, excluded, elapsed.toNanos() / 1e9));
        lines.add(String.format(Locale.ROOT, "%d checked: %d alive, %d moved, %d dead, %d unknown, %d refused;"
                + " %d not checked%s", checked(), alive, moved, dead, unknown, refused, notChecked,
                notChecked > 0 ? " (left unknown)" : ""));
        if (!worstHosts.isEmpty()) {
            StringBuilder hosts = new StringBuilder("worst hosts:");
            for (HostTally host : worstHosts) {
                hosts.append(hosts.length() > 12 ? ", " : " ").append(host.host()).append(" (")
                        .append(host.dead()).append(" dead, ").append(host.unknown()).append(" unknown")
                        .append(host.refused() > 0 ? ", " + host.refused() + " refused" : "")
                        .append(" of ").append(host.checked()).append(')');
            }
            lines.add(hosts.toString());
        }
        if (!givenUp.isEmpty()) {
            lines.add(givenUpLine());
        }
        if (networkDown != null) {
            lines.add(networkDown);
        }
        return lines;
    }

    /**
     * {@code gave up on 1 host after 3 links in a row got no answer: silent.example (37 links not
     * checked)}: why those links count as not checked.
     */
    private String givenUpLine() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "gave up on %d host%s after %d link%s in a row got no answer:", givenUp.size(),
                givenUp.size() == 1 ? "" : "s", hostGiveUp, hostGiveUp == 1 ? "" : "s"));
        for (int i = 0; i < Math.min(GIVEN_UP_SHOWN, givenUp.size()); i++) {
            GivenUpHost host = givenUp.get(i);
            line.append(i > 0 ? ", " : " ").append(host.host()).append(" (").append(host.left())
                    .append(host.left() == 1 ? " link" : " links").append(" not checked)");
        }
        if (givenUp.size() > GIVEN_UP_SHOWN) {
            line.append(", and ").append(givenUp.size() - GIVEN_UP_SHOWN).append(" more");
        }
        return line.toString();
    }
}
