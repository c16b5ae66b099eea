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
 * @param notChecked  due links left unchecked because the run stopped
 * @param worstHosts  the hosts with the most DEAD and UNKNOWN results in this run, worst first
 * @param networkDown why the run stopped believing the network, or null when it did not
 * @param elapsed     wall time of the check
 */
public record LinkCheckReport(
        long links, long due, long cached, long excluded, long alive, long moved, long dead, long unknown,
        long refused, long notChecked, List<HostTally> worstHosts, String networkDown, Duration elapsed) {

    public LinkCheckReport {
        worstHosts = List.copyOf(worstHosts);
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
        if (networkDown != null) {
            lines.add(networkDown);
        }
        return lines;
    }
}
