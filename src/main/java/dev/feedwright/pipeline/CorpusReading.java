package dev.feedwright.pipeline;

import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads every corpus file on a pool, at most a window of files at a time, handing the results
 * over in scan order on the calling thread: neither the corpus nor the list of its files is ever
 * held in memory.
 */
final class CorpusReading {

    private CorpusReading() {
    }

    static void read(CorpusScanner scanner, StoryReader reader, Path root, ExecutorService pool, int window,
            Consumer<ReadResult> sink) throws IOException {
        Deque<Future<ReadResult>> pending = new ArrayDeque<>(window + 1);
        scanner.scan(file -> {
            pending.add(pool.submit(() -> reader.read(root, file)));
            if (pending.size() >= window) {
                sink.accept(take(pending.poll()));
            }
        });
        while (!pending.isEmpty()) {
            sink.accept(take(pending.poll()));
        }
    }

    /** The result of reading a file on the pool; a failure of the reading itself is a bug, not a bad file. */
    static <T> T take(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the corpus", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a file failed unexpectedly", e.getCause());
        }
    }
}
