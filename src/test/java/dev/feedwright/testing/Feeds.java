package dev.feedwright.testing;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.pipeline.ExportRun;
import dev.feedwright.pipeline.RunReport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/** Test helpers that read generated feeds back with Rome, as a feed reader would. */
public final class Feeds {

    private Feeds() {
    }

    public static Channel rss(Path file) {
        return (Channel) read(file);
    }

    public static Feed atom(Path file) {
        return (Feed) read(file);
    }

    private static Object read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            WireFeedInput input = new WireFeedInput();
            input.setXmlHealerOn(false);
            return input.build(reader);
        } catch (IOException | FeedException e) {
            throw new AssertionError("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every file under {@code root} (recursively), relative, with {@code /} separators, sorted. */
    public static java.util.List<String> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every file of an output folder but Feedwright's own bookkeeping (the lock, whose holder line
     * each run rewrites, and the list of files it wrote), by relative path, with its text.
     */
    public static TreeMap<String, String> contents(Path root) {
        TreeMap<String, String> contents = new TreeMap<>();
        for (String file : files(root)) {
            if (!file.startsWith(".feedwright")) {
                contents.put(file, utf8(root.resolve(file)));
            }
        }
        return contents;
    }

    /** The bundled corpus, {@code seeds/} at the project root. */
    public static Path seeds() {
        return Path.of("seeds").toAbsolutePath();
    }

    /** Exports {@code corpus} into {@code out} with the default settings, the state folder beside it. */
    public static RunReport export(Path corpus, Path out) throws IOException {
        FeedwrightConfig config = FeedwrightConfig.defaults().withCorpusDir(corpus).withOutputDir(out)
                .withStateDir(out.resolveSibling(out.getFileName() + "-state"));
        return new ExportRun(config, BuildInfo.load(), Clock.systemUTC()).run();
    }

    /** A corpus of the first {@code files} seed documents, copied into {@code dir}. */
    public static Path seeds(Path dir, int files) throws IOException {
        Files.createDirectories(dir);
        for (String seed : files(seeds()).subList(0, files)) {
            Files.copy(seeds().resolve(seed), dir.resolve(seed));
        }
        return dir;
    }

    /** Reads a file as strict UTF-8; a byte that is not UTF-8 fails the test (W3C: UnicodeError). */
    public static String utf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("UnicodeError: " + file + " is not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOM parser that reads no DTD and no external entity. */
    public static DocumentBuilder xmlParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder parser = factory.newDocumentBuilder();
            parser.setErrorHandler(null);
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
