package dev.feedwright.pipeline;

import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Reads every corpus file on a pool, a bounded window of files at a time ({@link ReadAhead}),
 * handing the results over in scan order on the calling thread: neither the corpus nor the list
 * of its files is ever held in memory.
 */
final class CorpusReading {

    private CorpusReading() {
    }

    static void read(CorpusScanner scanner, StoryReader reader, Path root, ExecutorService pool, int window,
            Consumer<ReadResult> sink) throws IOException {
        ReadAhead<ReadResult> reading = new ReadAhead<>(window);
        scanner.scanWithAttributes((file, source, attributes) -> reading.add(pool.submit(() -> reader.read(root, file)),
                attributes == null ? 0 : attributes.size(), sink));
        reading.drain(sink);
    }
}
