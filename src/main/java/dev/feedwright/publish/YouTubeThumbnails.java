package dev.feedwright.publish;

import dev.feedwright.corpus.Article;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The picture YouTube serves for every video, for a YouTube video whose corpus entry has no image
 * of its own: the corpus gives these videos YouTube's "browser not supported" placeholder, which
 * {@code feeds.skipImages} leaves out. The address is the one YouTube's own feeds give as a
 * video's {@code media:thumbnail} ({@code https://i.ytimg.com/vi/<id>/hqdefault.jpg}, 480 by 360),
 * built from the video id in the article's link ({@code youtube.com/watch?v=<id>},
 * {@code youtu.be/<id>}, {@code /shorts/<id>}, {@code /live/<id>}) or, failing that, its player's
 * address ({@code /embed/<id>}).
 */
final class YouTubeThumbnails {

    static final int WIDTH = 480;
    static final int HEIGHT = 360;

    private static final Set<String> HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com");
    private static final Set<String> PATH_KINDS = Set.of("embed", "shorts", "live", "v");
    /** YouTube's video ids: eleven letters, digits, '-' or '_'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{11}");

    private YouTubeThumbnails() {
    }

    /** The thumbnail of the video the article's link or player names, when it is a YouTube video. */
    static Optional<ItemImage> of(Article article) {
        return videoId(article.link()).or(() -> videoId(article.embedUrl()))
                .map(id -> new ItemImage("https://i.ytimg.com/vi/" + id + "/hqdefault.jpg", WIDTH, HEIGHT,
                        "image/jpeg"));
    }

    /** The video id a YouTube address names, if it is one. */
    static Optional<String> videoId(String address) {
        if (address == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = path.split("/", -1);
        String id = null;
        if (host.equals("youtu.be") && segments.length >= 2) {
            id = segments[1];
        } else if (HOSTS.contains(host)) {
            if (path.equals("/watch")) {
                id = parameter(uri.getRawQuery(), "v");
            } else if (segments.length >= 3 && PATH_KINDS.contains(segments[1])) {
                id = segments[2];
            }
        }
        return id != null && ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
