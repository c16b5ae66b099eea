package dev.feedwright.corpus;

import java.util.Objects;

/**
 * An image of an article.
 *
 * @param url    an absolute http(s) address
 * @param width  in pixels, 0 when unknown
 * @param height in pixels, 0 when unknown
 */
public record Image(String url, int width, int height) {

    public Image {
        Objects.requireNonNull(url, "url");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must not be negative");
        }
    }
}
