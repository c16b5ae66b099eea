package dev.feedwright.liveness;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Dns;

/**
 * Resolves host names for link checks, drops the addresses the {@link AddressGuard} forbids (so
 * that OkHttp can only connect to allowed ones, redirects included), and counts the names that
 * resolved to an allowed address: a name that does not resolve means a dead site only while other
 * names do, and a name that resolves only to this machine or a private network (which a resolver
 * cut off from the internet still answers, from {@code /etc/hosts}) says nothing of that.
 */
final class GuardedDns implements Dns {

    private final Dns delegate;
    private final AddressGuard guard;
    private final AtomicLong resolved = new AtomicLong();

    GuardedDns(Dns delegate, AddressGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> all = delegate.lookup(hostname);
        if (all.isEmpty()) {
            throw new UnknownHostException(hostname + ": no addresses");
        }
        List<InetAddress> allowed = new ArrayList<>(all.size());
        for (InetAddress address : all) {
            if (guard.allows(address)) {
                allowed.add(address);
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedAddressException(hostname + " resolves only to non-public addresses ("
                    + all.get(0).getHostAddress() + (all.size() > 1 ? ", ..." : "") + ")");
        }
        resolved.incrementAndGet();
        return allowed;
    }

    /** Host names resolved so far to at least one allowed address. */
    long resolvedNames() {
        return resolved.get();
    }
}
