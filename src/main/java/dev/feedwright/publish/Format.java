package dev.feedwright.publish;

/** The formats every feed is written in, with their file extension and media type. */
public enum Format {
    RSS("xml", "application/rss+xml"),
    ATOM("atom", "application/atom+xml");

    private final String extension;
    private final String mediaType;

    Format(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
