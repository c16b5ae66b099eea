package dev.feedwright.publish.validity;

import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.SiteConfig;
import dev.feedwright.hostile.HostileCorpus;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The exports the validity rules run over, each made once per test run (kept in JUnit's root
 * store, deleted when the run ends): the bundled seeds; the real corpus in
 * {@code ../shared/corpus/diablo4} when that folder exists (a user's clone has none; the system
 * property {@code feedwright.realCorpus} names another folder); and the hostile fixtures of
 * {@code src/test/resources/validity/}, published under a base address with a path; and the
 * generated corpus of {@code dev.feedwright.hostile.HostileCorpus}, hundreds of hostile files of
 * every kind mixed with good ones.
 */
final class Exports implements ArgumentsProvider {

    /** A corpus to export. */
    enum Corpus {
        SEEDS("seeds") {
            @Override
            Export export() {
                return Export.run(label, newTemp(), FeedwrightConfig.defaults().withCorpusDir(Feeds.seeds()));
            }
        },
        REAL("real corpus") {
            @Override
            Export export() {
                Path dir = Path.of(System.getProperty("feedwright.realCorpus", "../shared/corpus/diablo4"));
                if (!Files.isDirectory(dir)) {
                    return Export.absent(label, dir + " is not here");
                }
                return Export.run(label, newTemp(), FeedwrightConfig.defaults().withCorpusDir(dir));
            }
        },
        HOSTILE("hostile fixtures") {
            @Override
            Export export() {
                Path temp = newTemp();
                Path corpus = temp.resolve("corpus");
                try {
                    Files.createDirectories(corpus);
                    for (String file : Feeds.files(HOSTILE_FIXTURES)) {
                        Files.copy(HOSTILE_FIXTURES.resolve(file), corpus.resolve(file));
                    }
                    Files.write(corpus.resolve("latin1.md"), LATIN1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                FeedwrightConfig defaults = FeedwrightConfig.defaults();
                SiteConfig site = new SiteConfig("Hostile Wire & <Co>", "Every story that once broke a feed.",
                        URI.create("https://feeds.example.org/news/"), "pt-BR");
                return Export.run(label, temp, defaults.withSite(site).withCorpusDir(corpus));
            }
        },
        GENERATED("generated hostile corpus") {
            @Override
            Export export() {
                Path temp = newTemp();
                Path corpus = temp.resolve("corpus");
                try {
                    HostileCorpus.write(corpus, 20_260_101L, 100, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Export.run(label, temp, FeedwrightConfig.defaults().withCorpusDir(corpus));
            }
        };

        final String label;

        Corpus(String label) {
            this.label = label;
        }

        abstract Export export();
    }

    private static final Path HOSTILE_FIXTURES = Path.of("src/test/resources/validity/hostile");
    /** A story whose title, excerpt and provider name are Latin-1 bytes, not UTF-8. */
    private static final byte[] LATIN1 = ("---\ntitle: \"Caf\u00e9 written in Latin-1\"\n"
            + "excerpt: \"Na\u00efve bytes\"\npublishedDateTime: 2021-09-04T10:00:00Z\n"
            + "webUrl: \"https://latin1.example.com/story\"\nprovider:\n  name: \"Latin\u00a0One\"\n"
            + "  domain: latin1.example.com\n---\n").getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(Exports.class));
        return Arrays.stream(Corpus.values())
                .map(corpus -> store.computeIfAbsent(corpus, Corpus::export, Export.class))
                .map(export -> Arguments.of(Named.of(export.toString(), export)));
    }

    private static Path newTemp() {
        try {
            return Files.createTempDirectory("feedwright-validity-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
