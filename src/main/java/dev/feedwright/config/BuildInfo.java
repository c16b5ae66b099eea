package dev.feedwright.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The program's name, version and home page, as the build recorded them, and which code this is.
 *
 * @param name    {@code Feedwright}
 * @param version the Maven project version
 * @param url     the project's home page
 * @param code    the identity of the code that runs ({@link #codeOf}), or empty when it is not known
 */
public record BuildInfo(String name, String version, String url, String code) {

    private static final String RESOURCE = "/dev/feedwright/version.properties";

    /** A build whose code is not known apart from its version (tests, tools). */
    public BuildInfo(String name, String version, String url) {
        this(name, version, url, "");
    }

    /** Reads what the build wrote into the jar, and the identity of the jar's code. */
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
                properties.getProperty("url"), codeOf(ownLocation()));
    }

    /** The version with the code's identity when it is known: {@code 0.1.0 (code 1a2b…)}. */
    public String label() {
        return code.isEmpty() ? version : version + " (code " + code + ")";
    }

    private static Path ownLocation() {
        CodeSource source = BuildInfo.class.getProtectionDomain().getCodeSource();
        try {
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The identity of the code in a jar: a 64-bit hash of the names and CRC-32s of its class files
     * and resources such as the feeds' stylesheet (read from the jar's directory, nothing is
     * unpacked; {@code META-INF} left out) and of its manifest's {@code Class-Path} (the libraries,
     * whose file names carry their versions). Two builds that carry one version number but
     * different code differ, so that what an export remembers from the one is not taken for the
     * other's (the launcher builds from the sources, and a pull changes them without a new version
     * number). The entries are added up in any order, so none are sorted, and not through SHA-256:
     * at a JVM's start, with nothing compiled yet, a sorted SHA-256 of them took 22 ms, this 2–3
     * ms, and nothing here needs more than telling builds apart. Empty when {@code location} is not
     * a jar (classes in a folder: tests, an IDE), which leaves the version alone to tell builds
     * apart.
     */
    static String codeOf(Path location) {
        if (location == null || !Files.isRegularFile(location)) {
            return "";
        }
        try (JarFile jar = new JarFile(location.toFile(), false)) {
            long sum = 0;
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                    sum += mix((long) entry.getName().hashCode() << 32 | entry.getCrc());
                }
            }
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            return HexFormat.of().toHexDigits(mix(sum ^ (classPath == null ? 0 : classPath.hashCode())));
        } catch (IOException e) {
            return "";
        }
    }

    /** Spreads a value's bits over the whole long (a multiply-xorshift step). */
    private static long mix(long value) {
        long h = value * 0x9e3779b97f4a7c15L;
        return h ^ (h >>> 29);
    }
}
