package dev.feedwright.publish;

/** Renders a feed document in one format. Implementations are thread-safe. */
public interface FeedRenderer {

    Format format();

    /** The file's bytes, UTF-8. */
    byte[] render(FeedDocument document);
}
