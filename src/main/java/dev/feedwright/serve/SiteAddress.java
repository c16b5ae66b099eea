package dev.feedwright.serve;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the address the feeds give for themselves ({@code site.baseUrl}) leads to the server
 * that serves them. Every self link, feed address and index-page link is built from that address,
 * so a server started on another port than the default address names, or opened to other machines
 * while the feeds still name this one, serves pages whose links go nowhere. Only a loopback
 * {@code site.baseUrl} is judged: a public one is normally served through a proxy in front.
 */
public final class SiteAddress {

    private SiteAddress() {
    }

    /**
     * The slip, in words for the operator, or empty when the address fits.
     *
     * @param baseUrl the site's address as configured
     * @param served  the address the server listens at
     * @param bind    the address it was told to listen on
     */
    public static Optional<String> problem(URI baseUrl, URI served, String bind) {
        if (!isLoopback(baseUrl.getHost())) {
            return Optional.empty();
        }
        int port = baseUrl.getPort() >= 0 ? baseUrl.getPort()
                : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
        if (port != served.getPort()) {
            return Optional.of("site.baseUrl is " + baseUrl + ", but this server is at " + served
                    + ": the feeds' own addresses and the index page's links lead to port " + port
                    + "; set site.baseUrl to the address readers will use and export again");
        }
        String path = baseUrl.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return Optional.of("site.baseUrl is " + baseUrl + ", but this server serves the output folder at "
                    + served.resolve("/") + ": the feeds' own addresses and the index page's links, under "
                    + path + ", lead nowhere; set site.baseUrl to " + served.resolve("/")
                    + " and export again, or serve the folder at " + path + " through a proxy");
        }
        if (!isLoopback(bind)) {
            return Optional.of("site.baseUrl is " + baseUrl + ", an address of this machine only, but this server"
                    + " listens on " + bind + " for others: their readers get feeds whose addresses lead nowhere;"
                    + " set site.baseUrl to the address they will use and export again");
        }
        return Optional.empty();
    }

    /** A loopback name or literal, recognised without a DNS lookup. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
