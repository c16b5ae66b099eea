package dev.feedwright.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The files being read on a pool, handed over in the order they were sent: at most a window of
 * them, and at most {@link #MAX_BYTES} of them where their sizes are known. Not thread-safe: the
 * thread that sends files to be read takes the results.
 *
 * @param <T> what reading a file gives
 */
final class ReadAhead<T> {

    /**
     * Files read ahead per thread. Results are taken in order, so a large file at the head of the
     * window holds up the others; with only a few files per thread, the other threads then ran out
     * of work (a 50,000-file export took 31.7 s with 4 per thread, 26.6 s with 32).
     */
    private static final int PER_THREAD = 32;

    /**
     * The bytes of the files read ahead, at most: a parsed file holds a few times its size, so a
     * window of large files stays bounded (a single file larger than this is read alone). The real
     * corpus's files are 1 to 29 KB (the generated ones up to 130 KB): 64 of them never reach it.
     */
    static final long MAX_BYTES = 16L << 20;

    private final Deque<InFlight<T>> pending = new ArrayDeque<>();
    private final int window;
    private long bytes;

    /** @param window how many files may be read ahead */
    ReadAhead(int window) {
        this.window = window;
    }

    /** How many files to read ahead with {@code threads} threads. */
    static int window(int threads) {
        return threads * PER_THREAD;
    }

    /**
     * Adds a file being read, then hands over the oldest results, waiting for them, until the
     * files in flight are within both bounds.
     *
     * @param bytes the file's size, or 0 when unknown or when it will not be read
     */
    void add(Future<T> result, long bytes, Consumer<T> sink) {
        pending.add(new InFlight<>(result, bytes));
        this.bytes += bytes;
        while (!pending.isEmpty() && (pending.size() >= window || this.bytes > MAX_BYTES)) {
            handOver(sink);
        }
    }

    /** Hands over every result still in flight, in order. */
    void drain(Consumer<T> sink) {
        while (!pending.isEmpty()) {
            handOver(sink);
        }
    }

    private void handOver(Consumer<T> sink) {
        InFlight<T> oldest = pending.poll();
        bytes -= oldest.bytes();
        sink.accept(take(oldest.result()));
    }

    /** The result of reading a file on the pool; a failure of the reading itself is a bug, not a bad file. */
    private static <T> T take(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the corpus", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a file failed unexpectedly", e.getCause());
        }
    }

    /** A file being read, and its size. */
    private record InFlight<T>(Future<T> result, long bytes) {
    }
}
