package dev.feedwright.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildInfoTest {

    @TempDir
    Path temp;

    private Path jar(String name, String classPath, Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> classes(String... namesAndBytes) {
        Map<String, String> entries = new LinkedHashMap<>(); // in the order given, as the jar lists them
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            entries.put(namesAndBytes[i], namesAndBytes[i + 1]);
        }
        return entries;
    }

    @Test
    void tellsApartJarsWhoseClassesResourcesOrLibrariesDifferAndNotThoseThatDifferOnlyInTheirMetadata()
            throws IOException {
        String base = BuildInfo.codeOf(jar("a.jar", "lib/rome-2.1.0.jar",
                classes("dev/A.class", "one", "dev/B.class", "two", "dev/feed.xsl", "<xsl/>",
                        "META-INF/maven/pom.properties", "built=Monday")));

        assertThat(base).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(BuildInfo.codeOf(jar("same.jar", "lib/rome-2.1.0.jar",
                classes("dev/feed.xsl", "<xsl/>", "dev/B.class", "two", "dev/A.class", "one",
                        "META-INF/maven/pom.properties", "built=Tuesday"))))
                .isEqualTo(base);
        assertThat(BuildInfo.codeOf(jar("class.jar", "lib/rome-2.1.0.jar",
                classes("dev/A.class", "one!", "dev/B.class", "two", "dev/feed.xsl", "<xsl/>"))))
                .isNotEqualTo(base);
        assertThat(BuildInfo.codeOf(jar("more.jar", "lib/rome-2.1.0.jar",
                classes("dev/A.class", "one", "dev/B.class", "two", "dev/C.class", "three", "dev/feed.xsl",
                        "<xsl/>"))))
                .isNotEqualTo(base);
        assertThat(BuildInfo.codeOf(jar("library.jar", "lib/rome-2.2.0.jar",
                classes("dev/A.class", "one", "dev/B.class", "two", "dev/feed.xsl", "<xsl/>"))))
                .isNotEqualTo(base);
        assertThat(BuildInfo.codeOf(jar("stylesheet.jar", "lib/rome-2.1.0.jar",
                classes("dev/A.class", "one", "dev/B.class", "two", "dev/feed.xsl", "<xsl version='2'/>"))))
                .isNotEqualTo(base);
    }

    @Test
    void labelsTheVersionWithTheCodeWhenItIsKnown() {
        assertThat(new BuildInfo("Feedwright", "0.1.0", "https://example.org", "1a2b3c4d5e6f7a8b").label())
                .isEqualTo("0.1.0 (code 1a2b3c4d5e6f7a8b)");
        assertThat(new BuildInfo("Feedwright", "0.1.0", "https://example.org").label()).isEqualTo("0.1.0");
    }

    @Test
    void knowsNoCodeForClassesInAFolderOrAFileThatIsNoJar() throws IOException {
        Path notAJar = Files.writeString(temp.resolve("broken.jar"), "not a jar");

        assertThat(BuildInfo.codeOf(temp)).isEmpty();
        assertThat(BuildInfo.codeOf(notAJar)).isEmpty();
        assertThat(BuildInfo.codeOf(null)).isEmpty();
    }
}
