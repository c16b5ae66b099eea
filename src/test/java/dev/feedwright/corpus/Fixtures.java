package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.CorpusConfig;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The hand-written corpus files under {@code src/test/resources/corpus/} (described in its README),
 * read with the default corpus settings.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture corpus folder. */
    static Path root() {
        URL url = Fixtures.class.getResource("/corpus/README.md");
        if (url == null) {
            throw new AssertionError("the test resources hold no corpus/README.md");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** A reader with the default limits, as the CLI makes it. */
    static StoryReader reader() {
        return reader(CorpusConfig.DEFAULT_MAX_FILE_BYTES);
    }

    static StoryReader reader(int maxFileBytes) {
        return new StoryReader(new CorpusConfig(Path.of("corpus"), CorpusConfig.DEFAULT_INCLUDE, maxFileBytes,
                CorpusConfig.DEFAULT_MAX_RELATED));
    }

    /** Reads a fixture file, named relative to the fixture corpus folder. */
    static ReadResult read(String relative) {
        Path root = root();
        return reader().read(root, root.resolve(relative));
    }

    /** Reads a fixture file that must become a story. */
    static ReadResult.Read readStory(String relative) {
        ReadResult result = read(relative);
        assertThat(result).as("reading %s", relative).isInstanceOf(ReadResult.Read.class);
        return (ReadResult.Read) result;
    }

    /** The story a fixture file must become. */
    static Story story(String relative) {
        return readStory(relative).story();
    }

    /** The problem a fixture file must be skipped for. */
    static Problem skipped(String relative) {
        ReadResult result = read(relative);
        assertThat(result).as("reading %s", relative).isInstanceOf(ReadResult.Skipped.class);
        return ((ReadResult.Skipped) result).problem();
    }
}
