package dev.feedwright.pipeline;

import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.Problem;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.liveness.Progress;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export: corpus in, feeds out. With link checks on, the links are checked first (a first
 * pass over the corpus). Files are read in parallel with a bounded window, in the order they are
 * found, and sorted into the catalog as they arrive, so that neither the corpus nor the list of
 * its files is ever held in memory. Then every feed is rendered and written under the output
 * folder's lock.
 */
public final class ExportRun {

    /** Skipped files listed in the report, at most; all of them are counted and logged. */
    public static final int MAX_REPORTED_PROBLEMS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ExportRun.class);

    private final FeedwrightConfig config;
    private final BuildInfo build;
    private final Generator generator;
    private final Clock clock;
    private final Progress progress;

    /** An export that shows no link-check progress. */
    public ExportRun(FeedwrightConfig config, BuildInfo build, Clock clock) {
        this(config, build, clock, Progress.none());
    }

    /** @param progress shows how far the link check has come, when {@code liveness.enabled} */
    public ExportRun(FeedwrightConfig config, BuildInfo build, Clock clock, Progress progress) {
        this.config = config;
        this.build = build;
        this.generator = new Generator(build.name(), build.version(), build.url());
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Runs the export.
     *
     * With {@code liveness.enabled}, the links are checked first (see {@link LivenessPass}) and the
     * feeds leave out confirmed-dead links and link moved ones to their new address; otherwise no
     * network call is made and no state is read.
     *
     * @throws IOException for what stops the whole run: the corpus folder missing, the output
     *                     folder not writable or locked by another run, the state database failing
     */
    public RunReport run() throws IOException {
        long started = System.nanoTime();
        Path corpus = config.corpus().dir();
        if (!Files.isDirectory(corpus)) {
            throw new NoSuchFileException(corpus.toString(), null, "the corpus folder does not exist");
        }
        LivenessPass.Result links = null;
        LinkVerdicts verdicts = LinkVerdicts.NONE;
        if (config.liveness().enabled()) {
            links = new LivenessPass(config, build).run(clock, progress);
            verdicts = links.verdicts();
        }
        CorpusScanner scanner = new CorpusScanner(corpus, config.corpus().include());
        StoryReader reader = new StoryReader(config.corpus());
        Catalog catalog = new Catalog(config.feeds().limit(), clock.instant(), verdicts);
        Tally tally = new Tally();
        int threads = config.export().effectiveThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "feedwright-export");
            thread.setDaemon(true);
            return thread;
        });
        try (OutputLock lock = OutputLock.acquire(config.output().dir(), config.output().lockWait(), clock)) {
            CorpusReading.read(scanner, reader, corpus, pool, threads * 4, result -> accept(result, catalog, tally));
            OutputFolder folder = OutputFolder.open(config.output().dir(), true);
            PublishReport published = new Publisher(config, generator, verdicts).publish(catalog.feeds(), folder, pool);
            return new RunReport(tally.read, tally.skipped, tally.skippedCount, tally.warnings, catalog.stories(),
                    catalog.articles(), published, links, Duration.ofNanos(System.nanoTime() - started));
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
