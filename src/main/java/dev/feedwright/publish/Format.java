package dev.feedwright.publish;

/** The formats every feed is written in, with their file extension and media type. */
public enum Format {
    RSS("xml", "application/rss+xml", "RSS"),
    ATOM("atom", "application/atom+xml", "Atom"),
    JSON("json", "application/feed+json", "JSON Feed");

    private final String extension;
    private final String mediaType;
    private final String label;

    Format(String extension, String mediaType, String label) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The format's name as people know it. */
    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
