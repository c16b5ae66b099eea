package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.catalog.Catalog;
import dev.feedwright.config.CorpusConfig;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateDb;
import dev.feedwright.testing.DelegatingExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far the corpus is read ahead, by an export and by the link check, while the oldest file in
 * flight is still being read: at most a window of files, and at most
 * {@link ReadAhead#MAX_BYTES} of them.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ReadAheadTest {

    private static final int FILES = 40;
    /**
     * Files sent to be read, at most, before the run waits for the first, held up on the pool: 15
     * files of just over 1 MB fit in 16 MB and the 16th goes over (16), with one to spare.
     */
    private static final int MAX_SUBMITTED = 17;
    private static final CorpusConfig CONFIG = new CorpusConfig(Path.of("corpus"), CorpusConfig.DEFAULT_INCLUDE,
            CorpusConfig.DEFAULT_MAX_FILE_BYTES, CorpusConfig.DEFAULT_MAX_RELATED);

    @TempDir
    Path temp;

    @Test
    void anExportReadsAheadAtMostSixteenMegabytesOfFilesWhileTheFirstIsHeldUp() throws Exception {
        Path corpus = largeFiles();
        try (StateDb db = StateDb.open(temp.resolve("state"))) {
            CorpusSync sync = new CorpusSync(corpus, new CorpusScanner(corpus, CONFIG.include()),
                    new StoryReader(CONFIG.withDir(corpus)), new ExportStore(db), new Catalog(50),
                    CONFIG.maxFileBytes(), Map.of(), System.currentTimeMillis());
            AtomicInteger read = new AtomicInteger();
            // A window far larger than the corpus: only the byte bound can stop the reading ahead.
            int submitted = submittedWhileHeldUp(pool -> read.set((int) sync.run(pool, 1_000).read()));

            assertThat(read.get()).isEqualTo(FILES);
            assertThat(submitted).isBetween(2, MAX_SUBMITTED);
        }
    }

    @Test
    void theLinkCheckReadsAheadAtMostSixteenMegabytesOfFilesWhileTheFirstIsHeldUp() throws Exception {
        Path corpus = largeFiles();
        List<ReadResult> results = new CopyOnWriteArrayList<>();

        int submitted = submittedWhileHeldUp(pool -> CorpusReading.read(new CorpusScanner(corpus, CONFIG.include()),
                new StoryReader(CONFIG.withDir(corpus)), corpus, pool, 1_000, results::add));

        assertThat(results).hasSize(FILES).allMatch(result -> result instanceof ReadResult.Read);
        assertThat(submitted).isBetween(2, MAX_SUBMITTED);
    }

    /** {@value #FILES} files of just over 1 MB each (nearly all of it the body). */
    private Path largeFiles() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        String body = "A paragraph of the body, which the front matter does not hold.\n".repeat(17_000);
        for (int i = 0; i < FILES; i++) {
            Files.writeString(corpus.resolve(String.format("file-%02d.md", i)), "---\ntitle: File " + i
                    + "\npublishedDateTime: 2021-08-29T05:09:00Z\nwebUrl: https://outlet.example/" + i
                    + "\nprovider:\n  name: Outlet\n  domain: outlet.example\n---\n" + body);
        }
        assertThat(Files.size(corpus.resolve("file-00.md"))).isGreaterThan(1 << 20);
        return corpus;
    }

    /** What reading does with a pool. */
    private interface Reading {
        void run(ExecutorService pool) throws Exception;
    }

    /**
     * Runs {@code reading} on its own thread with a pool whose first file is held up, and returns
     * how many files had been sent to the pool when no more were sent for half a second.
     */
    private static int submittedWhileHeldUp(Reading reading) throws Exception {
        GatedPool pool = new GatedPool();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                reading.run(pool);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            thread.start();
            int submitted = pool.awaitQuiet();
            pool.release();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(failure.get()).isNull();
            return submitted;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A pool of two threads whose first task waits until released. */
    private static final class GatedPool extends DelegatingExecutor {
        private final CountDownLatch gate = new CountDownLatch(1);
        private final AtomicInteger submitted = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            boolean first = submitted.getAndIncrement() == 0;
            threads.execute(() -> {
                if (first) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                task.run();
            });
        }

        /** How many tasks were submitted once submissions stopped for half a second (or all were). */
        int awaitQuiet() throws InterruptedException {
            int last = -1;
            while (submitted.get() != last && submitted.get() < FILES) {
                last = submitted.get();
                Thread.sleep(500);
            }
            return submitted.get();
        }

        GatedPool() {
            super(Executors.newFixedThreadPool(2));
        }

        void release() {
            gate.countDown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            gate.countDown();
            return super.shutdownNow();
        }
    }
}
