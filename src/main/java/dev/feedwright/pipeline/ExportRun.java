package dev.feedwright.pipeline;

import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.Problem;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.publish.Generator;
import dev.feedwright.publish.OutputFolder;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.publish.PublishReport;
import dev.feedwright.publish.Publisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export: corpus in, feeds out. Files are read in parallel with a bounded window, in the order
 * they are found, and sorted into the catalog as they arrive, so that neither the corpus nor the
 * list of its files is ever held in memory. Then every feed is rendered and written under the
 * output folder's lock.
 */
public final class ExportRun {

    /** Skipped files listed in the report, at most; all of them are counted and logged. */
    public static final int MAX_REPORTED_PROBLEMS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ExportRun.class);

    private final FeedwrightConfig config;
    private final Generator generator;
    private final Clock clock;

    public ExportRun(FeedwrightConfig config, BuildInfo build, Clock clock) {
        this.config = config;
        this.generator = new Generator(build.name(), build.version(), build.url());
        this.clock = clock;
    }

    /**
     * Runs the export.
     *
     * @throws IOException for what stops the whole run: the corpus folder missing, the output
     *                     folder not writable or locked by another run
     */
    public RunReport run() throws IOException {
        long started = System.nanoTime();
        Path corpus = config.corpus().dir();
        if (!Files.isDirectory(corpus)) {
            throw new NoSuchFileException(corpus.toString(), null, "the corpus folder does not exist");
        }
        CorpusScanner scanner = new CorpusScanner(corpus, config.corpus().include());
        StoryReader reader = new StoryReader(config.corpus());
        Catalog catalog = new Catalog(config.feeds().limit(), clock.instant(), LinkVerdicts.NONE);
        Tally tally = new Tally();
        int threads = config.export().effectiveThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "feedwright-export");
            thread.setDaemon(true);
            return thread;
        });
        try (OutputLock lock = OutputLock.acquire(config.output().dir(), config.output().lockWait(), clock)) {
            readCorpus(scanner, reader, corpus, pool, threads * 4, result -> accept(result, catalog, tally));
            OutputFolder folder = OutputFolder.open(config.output().dir(), true);
            PublishReport published = new Publisher(config, generator).publish(catalog.feeds(), folder, pool);
            return new RunReport(tally.read, tally.skipped, tally.skippedCount, tally.warnings, catalog.stories(),
                    catalog.articles(), published, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static void accept(ReadResult result, Catalog catalog, Tally tally) {
        tally.read++;
        if (result instanceof ReadResult.Read read) {
            if (!read.warnings().isEmpty()) {
                LOG.warn("{}", describe(read.warnings()));
                tally.warnings += read.warnings().size();
            }
            catalog.add(read.story());
        } else if (result instanceof ReadResult.Skipped skipped) {
            LOG.warn("skipped {}", skipped.problem());
            tally.skippedCount++;
            if (tally.skipped.size() < MAX_REPORTED_PROBLEMS) {
                tally.skipped.add(skipped.problem());
            }
        }
    }

    /** One line for all the problems of a file that was kept: the first ones in full, then a count. */
    static String describe(List<Problem> warnings) {
        StringBuilder line = new StringBuilder(warnings.get(0).toString());
        int shown = 1;
        for (Problem warning : warnings.subList(1, warnings.size())) {
            if (line.length() > 400) {
                break;
            }
            line.append("; ").append(warning.line() > 0 ? "line " + warning.line() + ": " : "").append(warning.message());
            shown++;
        }
        if (shown < warnings.size()) {
            line.append("; and ").append(warnings.size() - shown).append(" more");
        }
        return line.toString();
    }

    /** Reads every file on {@code pool}, at most {@code window} at a time, handing results over in scan order. */
    private static void readCorpus(CorpusScanner scanner, StoryReader reader, Path root, ExecutorService pool,
            int window, java.util.function.Consumer<ReadResult> sink) throws IOException {
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

    private static ReadResult take(Future<ReadResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the corpus", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a file failed unexpectedly", e.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts kept while files arrive; touched by the reading thread only. */
    private static final class Tally {
        long read;
        long skippedCount;
        long warnings;
        final List<Problem> skipped = new ArrayList<>();
    }
}
