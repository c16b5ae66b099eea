package dev.feedwright.publish;

import java.util.Locale;
import java.util.Objects;

/**
 * An item's image.
 *
 * @param mediaType the MIME type known from the address's file extension, or null when unknown
 */
public record ItemImage(String url, int width, int height, String mediaType) {

    public ItemImage {
        Objects.requireNonNull(url, "url");
    }

    /** The image type that an address's file extension names, or null. */
    public static String mediaTypeOf(String url) {
        int end = url.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = url.substring(0, end);
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return null;
        }
        return switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "avif" -> "image/avif";
            default -> null;
        };
    }
}
