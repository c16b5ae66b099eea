package dev.feedwright.publish.validity;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.pipeline.ExportRun;
import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output of one export run, parsed once and shared by every rule: its files, its RSS and Atom
 * documents and the address each file is served at. An export of a corpus that is not on this
 * machine is absent: asking it for anything aborts the test, which JUnit reports as skipped.
 */
final class Export implements AutoCloseable {

    private final String name;
    private final String absence;
    private final Path temp;
    private final Path out;
    private final String baseUrl;
    private final List<String> files;
    private final List<XmlDoc> rss;
    private final List<XmlDoc> atom;

    private Export(String name, String absence, Path temp, String baseUrl, List<String> files, List<XmlDoc> rss,
            List<XmlDoc> atom) {
        this.name = name;
        this.absence = absence;
        this.temp = temp;
        this.out = temp == null ? null : temp.resolve("out");
        this.baseUrl = baseUrl;
        this.files = files;
        this.rss = rss;
        this.atom = atom;
    }

    static Export absent(String name, String reason) {
        return new Export(name, reason, null, null, List.of(), List.of(), List.of());
    }

    /**
     * Exports {@code corpus} with {@code config} into {@code temp/out} and parses every RSS and Atom
     * file; {@code temp} is deleted when the export is closed.
     */
    static Export run(String name, Path temp, FeedwrightConfig config) {
        Path out = temp.resolve("out");
        try {
            new ExportRun(config.withOutputDir(out).withStateDir(out.resolveSibling(out.getFileName() + "-state")),
                    BuildInfo.load(), Clock.systemUTC()).run();
        } catch (IOException e) {
            throw new UncheckedIOException("export of " + name + " failed", e);
        }
        String baseUrl = config.site().baseUrl().toString();
        List<String> files = Feeds.files(out).stream().filter(f -> !f.startsWith(".")).toList();
        List<XmlDoc> rss = parse(out, baseUrl, files, ".xml");
        List<XmlDoc> atom = parse(out, baseUrl, files, ".atom");
        if (rss.isEmpty() || atom.isEmpty() || rss.size() != atom.size()) {
            throw new IllegalStateException(name + ": expected RSS and Atom twins, got " + files);
        }
        return new Export(name, null, temp, baseUrl, files, rss, atom);
    }

    private static List<XmlDoc> parse(Path out, String baseUrl, List<String> files, String extension) {
        return files.stream().filter(f -> f.endsWith(extension))
                .map(f -> Parse.xml(f, baseUrl + f, Feeds.utf8(out.resolve(f))))
                .toList();
    }

    private void present() {
        if (absence != null) {
            abort(absence);
        }
    }

    /** Every file of the export (relative, {@code /} separators, sorted), without the run's own dot files. */
    List<String> files() {
        present();
        return files;
    }

    List<XmlDoc> rss() {
        present();
        return rss;
    }

    List<XmlDoc> atom() {
        present();
        return atom;
    }

    /** Every RSS and every Atom document. */
    List<XmlDoc> feeds() {
        return Stream.concat(rss().stream(), atom().stream()).toList();
    }

    /** The paths of the JSON feeds. */
    List<String> jsonFeeds() {
        return files().stream().filter(f -> f.endsWith(".json")).toList();
    }

    Path file(String path) {
        present();
        return out.resolve(path);
    }

    /** The address a file of the export is served at: {@code site.baseUrl} plus its path. */
    String url(String path) {
        present();
        return baseUrl + path;
    }

    String baseUrl() {
        present();
        return baseUrl;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void close() throws IOException {
        if (temp == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
