package dev.feedwright.config;

/**
 * A configuration that cannot be used: a file that does not parse, an unknown key, a value of the
 * wrong type or out of range. The message names the file, the line where known, the key and the
 * rule, for example {@code config/feedwright.yaml:12: feeds.limit must be between 1 and 10000, was 0}.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param source the file (or other origin) the setting came from */
    public ConfigException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public ConfigException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
