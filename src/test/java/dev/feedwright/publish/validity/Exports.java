package dev.feedwright.publish.validity;

import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * store, deleted when the run ends): the bundled seeds and the real corpus in
 * {@code ../shared/corpus/diablo4} when that folder exists (a user's clone has none; the system
 * property {@code feedwright.realCorpus} names another folder).
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
        };

        final String label;

        Corpus(String label) {
            this.label = label;
        }

        abstract Export export();
    }

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
