package dev.feedwright.config;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the feeds are published and how the site names itself.
 *
 * @param title       the site's name, used in every feed title
 * @param description one sentence about the site, used in feed descriptions and the index page
 * @param baseUrl     the absolute address the output folder is served at, ending in {@code /};
 *                    every self link and feed address is built from it
 * @param language    the language of the corpus, as a BCP 47 tag such as {@code en} or {@code pt-BR}
 */
public record SiteConfig(String title, String description, URI baseUrl, String language) {

    public static final URI DEFAULT_BASE_URL = URI.create("http://127.0.0.1:8080/");

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        baseUrl = withTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (!isLanguageTag(language)) {
            throw new IllegalArgumentException("language must be a language tag such as en or pt-BR, was " + language);
        }
    }

    static SiteConfig defaults() {
        return new SiteConfig("Feedwright", "News from many outlets, as a feed for every topic and every provider.",
                DEFAULT_BASE_URL, "en");
    }

    /** True for a tag such as {@code en}, {@code de-CH} or {@code zh-Hant}. */
    public static boolean isLanguageTag(String tag) {
        return tag != null && LANGUAGE.matcher(tag).matches();
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
