package dev.feedwright.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where {@code feedwright serve} listens.
 *
 * @param bind the address to listen on: an IP address such as {@code 127.0.0.1}, {@code 0.0.0.0}
 *             or {@code ::1}, or a host name such as {@code localhost}
 * @param port the TCP port, 1 to 65535
 */
public record ServeConfig(String bind, int port) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int MAX_PORT = 65_535;

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9_.-]+)?");

    public ServeConfig {
        Objects.requireNonNull(bind, "bind");
        if (!isBindAddress(bind)) {
            throw new IllegalArgumentException("bind must be an IP address or a host name, was '" + bind + "'");
        }
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be between 1 and " + MAX_PORT + ", was " + port);
        }
    }

    static ServeConfig defaults() {
        return new ServeConfig(DEFAULT_BIND, DEFAULT_PORT);
    }

    /**
     * True for something that can name a local address: an IPv4 or IPv6 literal or a host name.
     * Only the form is checked; whether this machine has that address shows when binding.
     */
    public static boolean isBindAddress(String text) {
        return text != null && text.length() <= 253
                && (HOST_NAME.matcher(text).matches() || IPV6.matcher(text).matches());
    }

    public ServeConfig withBind(String newBind) {
        return new ServeConfig(newBind, port);
    }

    public ServeConfig withPort(int newPort) {
        return new ServeConfig(bind, newPort);
    }
}
