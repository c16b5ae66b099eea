package dev.feedwright.liveness;

import java.net.UnknownHostException;

/**
 * A host name resolved only to addresses Feedwright must not request (loopback, private,
 * link-local, multicast...). A subclass of {@link UnknownHostException} because that is what
 * OkHttp's {@code Dns} may throw; the checker reports it as REFUSED, not as a missing host.
 */
final class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    RefusedAddressException(String message) {
        super(message);
    }
}
