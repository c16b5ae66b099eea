package dev.feedwright.pipeline;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.Story;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.liveness.LinkCheckReport;
import dev.feedwright.liveness.LinkChecker;
import dev.feedwright.liveness.Progress;
import dev.feedwright.liveness.StoredVerdicts;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.LinkStore.SeenLink;
import dev.feedwright.state.StateDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liveness stage of a run: reads the corpus once to record every distinct link (primary and
 * related) in the link store, in batches, then checks the links that are due, then reads back the
 * verdicts that change feeds (confirmed dead, permanently moved). Only those verdicts stay in
 * memory; the links themselves live in the store. A pass holds the state folder's link-check lock
 * throughout, so that a second check of the same links waits for the first (and then finds them
 * checked) instead of requesting each of them again.
 */
public final class LivenessPass {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessPass.class);

    private final FeedwrightConfig config;
    private final BuildInfo build;

    public LivenessPass(FeedwrightConfig config, BuildInfo build) {
        this.config = config;
        this.build = build;
    }

    /**
     * What the pass found.
     *
     * @param filesRead    corpus files read
     * @param filesSkipped files that could not become stories (the export reports them)
     * @param report       what the link check did, or null when it did not run
     * @param verdicts     what the export applies
     * @param notChecked   why the links were not checked (the verdicts are those stored before), or
     *                     null when they were
     */
    public record Result(long filesRead, long filesSkipped, LinkCheckReport report, StoredVerdicts verdicts,
            String notChecked) {

        /** The report, and what it means for the feeds, as lines for people. */
        public List<String> lines() {
            if (report == null) {
                return List.of("not checked: " + notChecked + "; the feeds use the link states stored so far",
                        feeds());
            }
            List<String> lines = new ArrayList<>(report.lines());
            lines.set(0, filesRead + " files read, " + filesSkipped + " skipped; " + lines.get(0));
            lines.add(feeds());
            return lines;
        }

        /** Whether the check stopped believing the network (never when the links were not checked). */
        public boolean networkLooksDown() {
            return report != null && report.networkLooksDown();
        }

        /** What the verdicts mean for the feeds: {@code feeds: 2 confirmed-dead links left out, 1 moved link ...}. */
        public String feeds() {
            long dead = verdicts.deadLinks();
            long moved = verdicts.movedLinks();
            return "feeds: " + dead + (dead == 1 ? " confirmed-dead link" : " confirmed-dead links") + " left out, "
                    + moved + (moved == 1 ? " moved link points to its" : " moved links point to their")
                    + " new address";
        }
    }

    /**
     * Runs the pass.
     *
     * @throws IOException when the corpus folder is missing, the state database fails, or another
     *                     link check held the state folder for longer than {@code output.lockWait}
     *                     ({@link dev.feedwright.publish.OutputLockedException}); network trouble is a
     *                     finding, never an exception
     */
    public Result run(Clock clock, Progress progress) throws IOException {
        CorpusScanner.requireFolder(config.corpus().dir());
        try (OutputLock lock = OutputLock.acquireForLinkCheck(config.state().dir(), config.output().lockWait(), clock);
                StateDb db = StateDb.open(config.state().dir());
                LinkChecker checker = LinkChecker.create(config.liveness(), build, clock)) {
            LinkStore store = new LinkStore(db);
            long stamp = clock.millis();
            long[] files = recordLinks(store, stamp);
            int forgotten = store.forgetUnseenSince(stamp - config.liveness().forgetAfter().toMillis());
            LOG.debug("forgot {} links the corpus has not listed for {}", forgotten, config.liveness().forgetAfter());
            LinkCheckReport report = checker.check(store, stamp, progress);
            StoredVerdicts verdicts = StoredVerdicts.load(store, stamp, config.liveness().confirmAfter());
            return new Result(files[0], files[1], report, verdicts, null);
        }
    }

    /**
     * The verdicts stored so far, for an export whose link check found another check of the same
     * state folder running for longer than {@code output.lockWait}: the export goes on with what
     * the store knows (the other check adds to it as it goes) rather than fail, as it goes on when
     * the network looks down.
     */
    public Result storedOnly(String why) throws IOException {
        try (StateDb db = StateDb.open(config.state().dir())) {
            StoredVerdicts verdicts = StoredVerdicts.load(new LinkStore(db), 0, config.liveness().confirmAfter());
            return new Result(0, 0, null, verdicts, why);
        }
    }

    /** Records every link of the corpus under {@code stamp}; returns files read and skipped. */
    private long[] recordLinks(LinkStore store, long stamp) throws IOException {
        int threads = config.export().effectiveThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "feedwright-links");
            thread.setDaemon(true);
            return thread;
        });
        long[] files = new long[2];
        List<SeenLink> batch = new ArrayList<>(LinkStore.BATCH);
        try {
            CorpusReading.read(new CorpusScanner(config.corpus().dir(), config.corpus().include()),
                    new StoryReader(config.corpus()), config.corpus().dir(), pool, ReadAhead.window(threads),
                    result -> {
                        files[0]++;
                        if (result instanceof ReadResult.Read read) {
                            add(read.story(), batch);
                            if (batch.size() >= LinkStore.BATCH) {
                                flush(store, batch, stamp);
                            }
                        } else {
                            files[1]++;
                        }
                    });
            flush(store, batch, stamp);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return files;
    }

    private static void add(Story story, List<SeenLink> batch) {
        batch.add(seen(story.primary()));
        for (Article related : story.related()) {
            batch.add(seen(related));
        }
    }

    private static SeenLink seen(Article article) {
        return new SeenLink(article.link(), LinkChecker.hostOf(article.link()));
    }

    private static void flush(LinkStore store, List<SeenLink> batch, long stamp) {
        try {
            store.markSeen(batch, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }
}
