package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.catalog.Candidate;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.catalog.FileKeys;
import dev.feedwright.config.CorpusConfig;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading again the files of the articles a feed chose from stored keys. */
class StoryResolverTest {

    @TempDir
    Path temp;

    /**
     * Found by a helper's review: a file edited after the feeds were chosen from its stored keys,
     * to another provider with as many articles, was taken as it now is, and rendering the feed
     * failed on a provider the feeds did not know ("no provider feed for domain"): the whole run
     * failed. Its articles now wait for the next export, as any file changed meanwhile.
     */
    @Test
    void aFileEditedSinceTheFeedsWereChosenIsLeftForTheNextExport() throws IOException {
        Path corpus = Feeds.seeds(temp.resolve("corpus"), 1);
        Path file;
        try (var files = Files.list(corpus)) {
            file = files.findFirst().orElseThrow();
        }
        StoryReader reader = new StoryReader(new CorpusConfig(corpus, CorpusConfig.DEFAULT_INCLUDE,
                CorpusConfig.DEFAULT_MAX_FILE_BYTES, 1000));
        ReadResult.Read read = (ReadResult.Read) reader.read(corpus, file);
        Candidate chosen = new Candidate(FileKeys.of(read.story()), 0, null, null, 1);
        Files.writeString(file, Files.readString(file).replace("domain: medianama.com", "domain: renamed.example"));
        Map<FeedRef, List<Candidate>> selections = Map.of(FeedRef.ALL, List.of(chosen));

        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Map<FeedRef, List<Candidate>> resolved = new StoryResolver(corpus, reader, pool, 4, new Catalog(50),
                    Map.of()).resolve(selections);

            assertThat(resolved.get(FeedRef.ALL)).isEmpty();
            // Unchanged, the same file is loaded.
            Files.writeString(file, Files.readString(file).replace("domain: renamed.example", "domain: medianama.com"));
            assertThat(new StoryResolver(corpus, reader, pool, 4, new Catalog(50), Map.of()).resolve(selections)
                    .get(FeedRef.ALL)).singleElement().satisfies(c -> assertThat(c.isLoaded()).isTrue());
        } finally {
            pool.shutdownNow();
        }
    }
}
