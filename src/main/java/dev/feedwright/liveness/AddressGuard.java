package dev.feedwright.liveness;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;

/**
 * Which addresses link checks may connect to. By default only public unicast addresses: a hostile
 * corpus must not be able to make Feedwright probe the network it runs in (its loopback, a cloud
 * metadata service, the office printer). Decided on the resolved address, so a public name that
 * resolves to a private address is refused too.
 */
final class AddressGuard {

    private final boolean allowPrivate;
    private final Predicate<InetAddress> exempt;

    /** @param allowPrivate allow every address (tests against a loopback server) */
    AddressGuard(boolean allowPrivate) {
        this(allowPrivate, address -> false);
    }

    /**
     * A guard that also allows the {@code exempt} addresses: for tests that reach a loopback
     * server and still check that every other non-public address is refused.
     */
    AddressGuard(boolean allowPrivate, Predicate<InetAddress> exempt) {
        this.allowPrivate = allowPrivate;
        this.exempt = exempt;
    }

    /** Whether a connection to {@code address} is allowed. */
    boolean allows(InetAddress address) {
        return allowPrivate || exempt.test(address) || !isNonPublic(address);
    }

    /** Loopback, unspecified, private, shared (CGNAT), link-local, multicast, broadcast, benchmarking or reserved. */
    static boolean isNonPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // 0.0.0.0/8 "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10 shared address space
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    || (first == 198 && (second & 0xfe) == 18)  // 198.18.0.0/15 benchmarking
                    || first >= 240;                            // 240.0.0.0/4 reserved, and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc || isLocalNat64(b)      // fc00::/7 unique local, 64:ff9b:1::/48
                    || isCompatible(b)) {                          // ::/96, deprecated IPv4-compatible
                return true;
            }
            if (isMapped(b) || isNat64(b)) {                     // an IPv4 address inside IPv6
                return isNonPublic(embeddedV4(b));
            }
        }
        return false;
    }

    /**
     * Whether OkHttp takes {@code host} for an IP address: then it connects to what
     * {@link InetAddress#getByName} makes of it and never asks the {@link GuardedDns}, so the
     * address must be checked before the request. As OkHttp decides it: a colon (IPv6), or only
     * digits and dots, which covers the short and decimal IPv4 forms such as {@code 127.1} and
     * {@code 2130706433}.
     */
    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        return !host.isEmpty() && host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    /**
     * An IP literal's address, as the JDK reads it (parsed without any lookup), or null when
     * {@code host} is a name or a string of digits and dots that is no IPv4 address.
     */
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            if (h.indexOf(':') >= 0) {
                return InetAddress.getByName(h); // an IPv6 literal: parsed, never looked up
            }
            byte[] bytes = numericIpv4(h);
            return bytes == null ? null : InetAddress.getByAddress(h, bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The IPv4 forms the JDK reads without a lookup (and so OkHttp connects to): one to four
     * decimal parts, the last filling the bytes left, {@code 127.1} and {@code 2130706433} being
     * 127.0.0.1; at most 15 characters. Null for anything else.
     */
    private static byte[] numericIpv4(String h) {
        if (h.isEmpty() || h.length() > 15) {
            return null;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            value = Long.parseLong(parts[i]);
            if (i < parts.length - 1 && value > 255) {
                return null;
            }
        }
        int lastBytes = 5 - parts.length;
        if (value >= 1L << (8 * lastBytes)) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < parts.length - 1; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        for (int i = 0; i < lastBytes; i++) {
            bytes[3 - i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    /**
     * RFC 4291's deprecated IPv4-compatible form, {@code ::a.b.c.d}: no public service uses it, and a
     * stack that still routes it to its IPv4 address would take {@code ::127.0.0.1} to loopback, so
     * all of {@code ::/96} is refused.
     */
    private static boolean isCompatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean isNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
    }

    /**
     * RFC 8215's prefix for NAT64 inside one network, 64:ff9b:1::/48: local by definition, and where
     * its IPv4 address sits depends on the prefix length the network chose, so all of it is refused.
     */
    private static boolean isLocalNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && b[4] == 0 && b[5] == 1;
    }

    private static InetAddress embeddedV4(byte[] b) {
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
