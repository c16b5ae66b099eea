package dev.feedwright.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The program's name, version and home page, as the build recorded them.
 *
 * @param name    {@code Feedwright}
 * @param version the Maven project version
 * @param url     the project's home page
 */
public record BuildInfo(String name, String version, String url) {

    private static final String RESOURCE = "/dev/feedwright/version.properties";

    /** Reads what the build wrote into the jar. */
    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("name"), properties.getProperty("version"),
                properties.getProperty("url"));
    }
}
