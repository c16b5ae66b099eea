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

    /**
     * Files read ahead per thread. Results are taken in scan order, so a large file at the head of
     * the window holds up the others; with only a few files per thread, the other threads then
     * ran out of work (a 50,000-file export took 31.7 s with 4 per thread, 26.6 s with 32).
     */
    private static final int READ_AHEAD_PER_THREAD = 32;

    /**
     * The bytes of the files read ahead, at most, where their sizes are known: a parsed file holds
     * a few times its size, so a window of large files stays bounded (a single file larger than
     * this is read alone). The real corpus's files are 1 to 29 KB (the generated ones up to 130 KB):
     * 64 of them never reach it.
     */
    static final long MAX_BYTES_IN_FLIGHT = 16L << 20;

    private CorpusReading() {
    }

    /** How many files to read ahead with {@code threads} threads. */
    static int window(int threads) {
        return threads * READ_AHEAD_PER_THREAD;
    }

    static void read(CorpusScanner scanner, StoryReader reader, Path root, ExecutorService pool, int window,
            Consumer<ReadResult> sink) throws IOException {
        Deque<InFlight> pending = new ArrayDeque<>(window + 1);
        long[] bytesInFlight = {0};
        scanner.scanWithAttributes((file, attributes) -> {
            long bytes = attributes == null ? 0 : attributes.size();
            pending.add(new InFlight(pool.submit(() -> reader.read(root, file)), bytes));
            bytesInFlight[0] += bytes;
            while (!pending.isEmpty() && (pending.size() >= window || bytesInFlight[0] > MAX_BYTES_IN_FLIGHT)) {
                InFlight oldest = pending.poll();
                bytesInFlight[0] -= oldest.bytes();
                sink.accept(take(oldest.result()));
            }
        });
        while (!pending.isEmpty()) {
            sink.accept(take(pending.poll().result()));
        }
    }

    /** A file being read, and its size. */
    private record InFlight(Future<ReadResult> result, long bytes) {
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
