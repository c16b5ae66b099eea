package dev.feedwright.config;

import java.net.URI;
import java.util.Objects;

/**
 * Where the feeds are published and how the site names itself.
 *
 * @param title       the site's name, used in every feed title
 * @param description one sentence about the site, used in feed descriptions and the index page
 * @param baseUrl     the absolute address the output folder is served at, ending in {@code /};
 *                    every self link and feed address is built from it
 */
public record SiteConfig(String title, String description, URI baseUrl) {

    public static final URI DEFAULT_BASE_URL = URI.create("http://127.0.0.1:8080/");

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        baseUrl = withTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    static SiteConfig defaults() {
        return new SiteConfig("Feedwright", "News from many outlets, as a feed for every topic and every provider.",
                DEFAULT_BASE_URL);
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
