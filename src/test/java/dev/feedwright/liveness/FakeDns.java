package dev.feedwright.liveness;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Dns;

/**
 * A resolver that never asks the network: names ending in {@code .test} resolve to 127.0.0.1
 * (where the test's server listens) unless mapped otherwise; every other name does not resolve.
 */
final class FakeDns implements Dns {

    private final Map<String, List<InetAddress>> mapped = new ConcurrentHashMap<>();
    private final Map<String, String> failOnce = new ConcurrentHashMap<>();

    FakeDns map(String host, String... addresses) {
        List<InetAddress> list = new java.util.ArrayList<>();
        for (String address : addresses) {
            InetAddress literal = AddressGuard.literal(address);
            if (literal == null) {
                throw new IllegalArgumentException("not an IP literal: " + address);
            }
            list.add(literal);
        }
        mapped.put(host, List.copyOf(list));
        return this;
    }

    /** Makes the next lookup of {@code host} fail as the system resolver words {@code message}. */
    FakeDns failOnce(String host, String message) {
        failOnce.put(host, message);
        return this;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String failure = failOnce.remove(hostname);
        if (failure != null) {
            throw new UnknownHostException(hostname + ": " + failure);
        }
        List<InetAddress> addresses = mapped.get(hostname);
        if (addresses != null) {
            return addresses;
        }
        if (hostname.endsWith(".test")) {
            return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(hostname + ": no such host (fake resolver)");
    }
}
