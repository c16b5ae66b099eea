package dev.feedwright.pipeline;

import dev.feedwright.catalog.ArticleKey;
import dev.feedwright.catalog.Candidate;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.ChosenItems;
import dev.feedwright.catalog.FeedNames;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.catalog.FileKeys;
import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.Problem;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.liveness.Progress;
import dev.feedwright.publish.Generator;
import dev.feedwright.publish.OutputFolder;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.publish.OutputLockedException;
import dev.feedwright.publish.PublishReport;
import dev.feedwright.publish.Publisher;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateDb;
import dev.feedwright.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export: corpus in, feeds out, remembering in the state store what each corpus file
 * contributed, so that the next export reads only the files that changed and renders only the
 * feeds they touch.
 *
 * <ul>
 *   <li>A <em>full</em> export (the first one, after a change of program version or corpus
 *       settings, after a run cut off mid-way, or when asked) reads every file, in parallel with a
 *       bounded window, sorting stories into the catalog as they arrive, and renders every feed.</li>
 *   <li>An <em>incremental</em> export looks at every file's size and modification time, reads the
 *       new and changed ones, and renders the feeds they made stale (and those whose output was
 *       damaged, whose slug changed or whose held-back articles came due), choosing each feed's
 *       articles from the keys the store kept (or from the items the feed remembers and the
 *       files just read, when that gives the same choice) and reading again only the files of
 *       the chosen ones. Both ways choose with the same code from the same keys, so they write
 *       the same bytes.</li>
 * </ul>
 *
 * <p>Neither the corpus nor the list of its files is ever held in memory. With link checks on,
 * the links are checked first (a first pass over the corpus).
 */
public final class ExportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRun.class);

    /** Skipped files listed in the report, at most; all of them are counted. */
    public static final int MAX_REPORTED_PROBLEMS = 10_000;

    private final FeedwrightConfig config;
    private final BuildInfo build;
    private final Generator generator;
    private final Clock clock;
    private final Progress progress;
    private final boolean forceFull;

    /** An export that shows no link-check progress. */
    public ExportRun(FeedwrightConfig config, BuildInfo build, Clock clock) {
        this(config, build, clock, Progress.none(), false);
    }

    /**
     * @param progress  shows how far the link check has come, when {@code liveness.enabled}
     * @param forceFull read every file and render every feed, whatever the state store remembers
     */
    public ExportRun(FeedwrightConfig config, BuildInfo build, Clock clock, Progress progress, boolean forceFull) {
        this.config = config;
        this.build = build;
        this.generator = new Generator(build.name(), build.version(), build.url());
        this.clock = clock;
        this.progress = progress;
        this.forceFull = forceFull;
    }

    /**
     * Runs the export.
     *
     * @throws IOException for what stops the whole run: the corpus folder missing, the output
     *                     folder not writable or locked by another run, the state database failing
     */
    public RunReport run() throws IOException {
        long started = System.nanoTime();
        CorpusScanner.requireFolder(config.corpus().dir());
        LivenessPass.Result links = null;
        LinkVerdicts verdicts = LinkVerdicts.NONE;
        if (config.liveness().enabled()) {
            // The output folder's lock is taken and let go before the links are checked: an export
            // that would give up on another run's lock does so before any network work. It is
            // never held together with the link check's lock (two exports would each wait for the
            // other's), so another run may still take it while the links are checked.
            try (OutputLock free = OutputLock.acquire(config.output().dir(), config.output().lockWait(), clock)) {
                LOG.debug("the output folder {} is free; checking the links", config.output().dir());
            }
            LivenessPass pass = new LivenessPass(config, build);
            try {
                links = pass.run(clock, progress);
            } catch (OutputLockedException busy) {
                LOG.warn("links not checked: {}; the feeds use the link states stored so far", busy.getMessage());
                links = pass.storedOnly(busy.getMessage());
            }
            verdicts = new UsableMoves(links.verdicts());
        }
        int threads = config.export().effectiveThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "feedwright-export");
            thread.setDaemon(true);
            return thread;
        });
        try (OutputLock lock = OutputLock.acquire(config.output().dir(), config.output().lockWait(), clock);
                OutputLock state = OutputLock.acquireForExport(config.state().dir(), config.output().lockWait(), clock);
                StateDb db = StateDb.open(config.state().dir())) {
            Run run = new Run(new ExportStore(db), verdicts, pool, threads);
            PublishReport published = run.export();
            ExportStore.Totals totals = run.store.totals();
            List<Problem> skipped = new ArrayList<>();
            for (ExportStore.FileRow row : run.store.skippedFiles(MAX_REPORTED_PROBLEMS)) {
                skipped.add(new Problem(row.path(), row.skipLine(), row.skipReason()));
            }
            return new RunReport(run.sync.files(), run.sync.read(), skipped, totals.skipped(), run.sync.warnings(),
                    totals.files() - totals.skipped(), totals.articles(), run.heldBack(), published, links,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** The state of one run, between its steps. */
    private final class Run {
        private final ExportStore store;
        private final LinkVerdicts verdicts;
        private final ExecutorService pool;
        private final int threads;
        private final Instant cutoff = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        /**
         * The run's start by the system clock, which the file system's modification times follow
         * (the injected clock sets the publication cutoff and may be fixed or set back).
         */
        private final long started = System.currentTimeMillis();
        private final StoryReader reader = new StoryReader(config.corpus());
        private CorpusSync.Result sync;
        private Map<FeedRef, Long> floors;
        private boolean full;
        /**
         * Whether an earlier run that did not finish left feeds marked to render: files changed
         * since those feeds were written that this run does not read.
         */
        private boolean marksLeftOver;
        /** Stale feeds whose chosen items could not all be read: what they hold is not what they chose. */
        private final Set<FeedRef> shortened = new HashSet<>();

        Run(ExportStore store, LinkVerdicts verdicts, ExecutorService pool, int threads) {
            this.store = store;
            this.verdicts = verdicts;
            this.pool = pool;
            this.threads = threads;
        }

        /** The articles the store holds that are dated after this run's cut-off. */
        RunReport.HeldBack heldBack() throws StateStoreException {
            long[] count = {0};
            long[] soonest = {Long.MAX_VALUE};
            store.forEachFileFrom(cutoff.getEpochSecond() + 1, row -> {
                if (row.keys() != null) {
                    for (ArticleKey article : FileKeys.decode(row.path(), row.keys()).articles()) {
                        if (article.published() > cutoff.getEpochSecond()) {
                            count[0]++;
                            soonest[0] = Math.min(soonest[0], article.published());
                        }
                    }
                }
            });
            return count[0] == 0 ? RunReport.HeldBack.NONE
                    : new RunReport.HeldBack(count[0], Instant.ofEpochSecond(soonest[0]));
        }

        PublishReport export() throws IOException {
            String parse = FeedStates.parseFingerprint(config, build);
            String render = FeedStates.renderFingerprint(config, build, verdicts.fingerprint());
            full = forceFull || !parse.equals(store.meta(FeedStates.PARSE))
                    || !"true".equals(store.meta(FeedStates.COMPLETE));
            boolean renderAll = full || !render.equals(store.meta(FeedStates.RENDER));
            String lastCutoff = store.meta(FeedStates.CUTOFF);
            Path root = config.corpus().dir();
            CorpusScanner scanner = new CorpusScanner(root, config.corpus().include());
            if (!forceFull) {
                refuseAnEmptiedCorpus(scanner, root);
            }
            if (full) {
                store.putMeta(Map.of(FeedStates.COMPLETE, "false", FeedStates.PARSE, parse));
                store.clearCorpus();
            }
            Catalog fullCatalog = full ? catalog(ref -> true) : null;
            floors = full ? Map.of() : floors(store);
            marksLeftOver = !full && !store.dirtyFeeds().isEmpty();
            sync = new CorpusSync(root, scanner, reader, store,
                    fullCatalog, config.corpus().maxFileBytes(), floors, started)
                    .run(pool, ReadAhead.window(threads));

            FeedNames names = FeedStates.names(store).feedNames();
            OutputFolder folder = OutputFolder.open(config.output().dir(), config.output().fsync());
            Publisher publisher = new Publisher(config, generator, verdicts, cutoff);
            FeedPlan plan = new FeedPlan(store, names, publisher, folder.root(), config.feeds().limit());
            Map<FeedRef, List<Candidate>> chosen;
            if (full) {
                chosen = fullCatalog.selections();
                plan.renderAll(chosen.keySet());
            } else {
                plan.addStale(renderAll, lastCutoff == null ? null : Long.parseLong(lastCutoff), cutoff);
                chosen = plan.stale().isEmpty() ? Map.of() : choose(plan.stale(), plan.due(), plan.dueFiles(), renderAll);
            }
            return publish(plan, chosen, names, publisher, folder, Map.of(FeedStates.PARSE, parse,
                    FeedStates.RENDER, render, FeedStates.COMPLETE, "true",
                    FeedStates.CUTOFF, Long.toString(cutoff.getEpochSecond())));
        }

        /**
         * Stops the run, changing nothing, when the corpus folder holds no article file but the
         * last export read some: a volume that is not mounted, a folder emptied by mistake. Going
         * on would delete every feed. An export with {@code --full} goes on, for a corpus that is
         * meant to be empty.
         */
        private void refuseAnEmptiedCorpus(CorpusScanner scanner, Path root) throws IOException {
            if (scanner.holdsAnArticle()) {
                return;
            }
            long remembered = store.totals().files();
            if (remembered > 0) {
                throw new IOException("the corpus folder " + root + " holds no article file (corpus.include: "
                        + config.corpus().include() + "), though the last export read " + remembered
                        + "; nothing was changed. To export an empty corpus, run export --full");
            }
        }

        /** Each feed the last export wrote, with the date below which no article can change it (or null). */
        private Map<FeedRef, Long> floors(ExportStore store) throws IOException {
            Map<FeedRef, Long> floors = new HashMap<>();
            for (ExportStore.FeedRow row : store.feeds()) {
                floors.put(FeedStates.ref(row.kind(), row.name()), row.floor());
            }
            return floors;
        }

        /**
         * Chooses the articles of the stale feeds. A feed that remembers its items is settled from
         * them and the files read in this run when that is sure to give the same choice (see
         * {@link RememberedChoice}); the others are chosen from every file's keys. A chosen article
         * that a stale feed held when it was last rendered, from a file whose checksum has not
         * changed since, is rendered as remembered (unless the settings that shape items changed:
         * {@code renderAll}); the files of the others are read again.
         *
         * <p>Keys are read newest first: the files with an article at least as new as the oldest
         * item of the stale feeds when they were last rendered (their floor), then, only for the
         * stale feeds that this did not fill, the older files (see {@link #settled}).
         *
         * @param due stale feeds that an article held back by the last export may now enter (or, with
         *            the clock set back, one it showed must leave)
         * @param dueFiles the files of those articles, whose items are read again: their coverage
         *            lists change too
         */
        private Map<FeedRef, List<Candidate>> choose(Set<FeedRef> stale, Set<FeedRef> due, Set<String> dueFiles,
                boolean renderAll) throws IOException {
            Map<FeedRef, List<Candidate>> selections = new TreeMap<>();
            if (!renderAll && !marksLeftOver && sync.storiesComplete()) {
                Set<FeedRef> tried = new HashSet<>(stale);
                tried.removeAll(due);
                selections.putAll(new RememberedChoice(store, catalog(tried::contains)).settle(tried, sync.stories()));
            }
            LOG.debug("chose {} of {} stale feeds from the items they remember", selections.size(), stale.size());
            Set<FeedRef> wanted = new HashSet<>(stale);
            wanted.removeAll(selections.keySet());
            Catalog catalog = catalog(wanted::contains);
            if (!wanted.isEmpty()) {
                scan(catalog, wanted);
                selections.putAll(catalog.selections());
            }
            Map<ChosenItems.Ref, ChosenItems.Item> remembered = renderAll ? Map.of() : remembered(stale, selections);
            remembered.keySet().removeIf(ref -> dueFiles.contains(ref.source()));
            Map<FeedRef, List<Candidate>> resolved = new StoryResolver(config.corpus().dir(), reader, pool,
                    ReadAhead.window(threads), catalog, remembered).resolve(selections);
            resolved.forEach((ref, candidates) -> {
                if (candidates.size() < selections.get(ref).size()) {
                    shortened.add(ref);
                }
            });
            return resolved;
        }

        private Catalog catalog(Predicate<FeedRef> wanted) {
            return new Catalog(config.feeds().limit(), cutoff, verdicts, wanted, config.feeds().relatedLinks());
        }

        /** Offers {@code wanted} the keys of the files that may hold their items, newest first. */
        private void scan(Catalog catalog, Set<FeedRef> wanted) throws IOException {
            Consumer<ExportStore.FileRow> offer = row -> {
                if (row.keys() != null) {
                    catalog.offer(FileKeys.decode(row.path(), row.keys()), sync.stories().get(row.path()));
                }
            };
            long bound = wanted.stream().map(floors::get).filter(Objects::nonNull).mapToLong(Long::longValue).min()
                    .orElse(Long.MIN_VALUE);
            if (bound == Long.MIN_VALUE) {
                store.forEachFile(offer);
            } else {
                store.forEachFileFrom(bound, offer);
                Map<FeedRef, List<Candidate>> newest = catalog.selections();
                wanted.removeIf(ref -> settled(newest.get(ref), bound));
                if (!wanted.isEmpty()) {
                    store.forEachFileBefore(bound, offer);
                }
            }
        }

        /**
         * Whether a feed's choice among the files with an article published at or after
         * {@code bound} is final: it is full, and its oldest item is no older than the bound, so
         * no article of an older file (all published before the bound) could displace one.
         */
        private boolean settled(List<Candidate> chosen, long bound) {
            return chosen != null && chosen.size() >= config.feeds().limit()
                    && chosen.get(chosen.size() - 1).key().published() >= bound;
        }

        /**
         * The chosen items, not read in this run, that a stale feed held when it was last rendered,
         * from files whose checksum has not changed since. Only chosen items are kept, one feed's
         * items decoded at a time.
         */
        private Map<ChosenItems.Ref, ChosenItems.Item> remembered(Set<FeedRef> stale,
                Map<FeedRef, List<Candidate>> selections) throws IOException {
            Set<ChosenItems.Ref> wanted = new HashSet<>();
            for (List<Candidate> candidates : selections.values()) {
                for (Candidate candidate : candidates) {
                    if (!candidate.isLoaded()) {
                        wanted.add(new ChosenItems.Ref(candidate.file().source(), candidate.index()));
                    }
                }
            }
            Map<String, Long> checksums = store.checksums(wanted.stream().map(ChosenItems.Ref::source)
                    .collect(Collectors.toSet()));
            Map<ChosenItems.Ref, ChosenItems.Item> items = new HashMap<>();
            store.forEachChosen(stale.stream().map(FeedStates::id).toList(), (feed, bytes) -> {
                for (ChosenItems.Item item : ChosenItems.decode(bytes).map(ChosenItems.Remembered::items)
                        .orElse(List.of())) {
                    // An item whose file changed since it was remembered, or is gone, is read again.
                    Long checksum = checksums.get(item.source());
                    if (wanted.contains(item.ref()) && checksum != null && checksum == item.checksum()) {
                        items.put(item.ref(), item);
                    }
                }
            });
            return items;
        }

        private PublishReport publish(FeedPlan plan, Map<FeedRef, List<Candidate>> chosen, FeedNames names,
                Publisher publisher, OutputFolder folder, Map<String, String> meta) throws IOException {
            List<CatalogFeed> render = new ArrayList<>();
            List<FeedRef> gone = new ArrayList<>();
            for (FeedRef ref : plan.stale()) {
                List<Candidate> candidates = chosen.getOrDefault(ref, List.of());
                if ((candidates.isEmpty() && !ref.equals(FeedRef.ALL)) || names.key(ref) == null) {
                    gone.add(ref);
                } else {
                    render.add(Catalog.feed(ref, candidates, names, verdicts));
                }
            }
            FeedSet set = new FeedSet(render, names.providerKeys());
            List<String> kept = plan.keptPaths(gone);
            List<String> toWrite = new ArrayList<>();
            for (CatalogFeed feed : render) {
                toWrite.addAll(publisher.paths(feed.key()));
            }
            // The files about all feeds say what the feeds' rows say: with no feed rendered or gone,
            // those written last time are still right, unless something else changed them since.
            List<String> site = publisher.sitePaths();
            boolean siteAsWritten = render.isEmpty() && gone.isEmpty() && plan.asWritten(site);
            if (siteAsWritten) {
                LOG.debug("the files about all feeds are as the last export wrote them");
                kept.addAll(site);
            } else {
                toWrite.addAll(site);
            }
            folder.plan(kept, toWrite);
            List<String> paths = new ArrayList<>(kept);
            paths.addAll(toWrite);
            List<Publisher.Published> published = publisher.render(render, set, folder, pool, threads);
            int filesWritten = published.stream().mapToInt(Publisher.Published::filesWritten).sum()
                    + (siteAsWritten ? 0 : publisher.writeSite(plan.summaries(published, gone), folder));
            List<String> deleted = folder.finish(paths);
            plan.record(published, gone, deleted, siteAsWritten ? List.of() : site, meta,
                    ref -> !full && !shortened.contains(ref));
            int feeds = plan.feedCount(published, gone);
            int written = (int) published.stream().filter(p -> p.filesWritten() > 0).count();
            return new PublishReport(feeds, written, feeds - written, Publisher.deletedFeeds(deleted), filesWritten,
                    deleted);
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
}
