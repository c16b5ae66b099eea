package dev.feedwright.serve;

import dev.feedwright.config.FeedwrightConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FeedServer} serves and where.
 *
 * @param folder the output folder to serve
 * @param bind   the address to listen on, an IP address or a host name
 * @param port   the TCP port; 0 picks a free one, which {@link FeedServer#port()} then tells
 * @param maxAge how long a reader may keep a file without asking again ({@code Cache-Control: max-age})
 */
public record ServeOptions(Path folder, String bind, int port, Duration maxAge) {

    public ServeOptions {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(maxAge, "maxAge");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
    }

    /** The output folder, address and port of a configuration; readers may cache for {@code feeds.refresh}. */
    public static ServeOptions of(FeedwrightConfig config) {
        return new ServeOptions(config.output().dir(), config.serve().bind(), config.serve().port(),
                config.feeds().refresh());
    }
}
