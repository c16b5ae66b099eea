package dev.feedwright.pipeline;

import dev.feedwright.catalog.ArticleKey;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.ChosenItems;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.catalog.FeedNames;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.catalog.FileKeys;
import dev.feedwright.publish.FeedSummary;
import dev.feedwright.publish.Publisher;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which feeds an export renders, and what it tells the store afterwards. A feed is stale when a
 * corpus change marked it (see {@link CorpusSync}), when its name changed, when the rendering
 * settings or link verdicts changed (all of them), when an article held back for its future date
 * came due, when its slug changed, or when one of its output files is missing or is not what the
 * last export wrote. The other feeds keep their
 * files, and their index-page rows come from the store.
 */
final class FeedPlan {

    private final ExportStore store;
    private final FeedNames names;
    private final Publisher publisher;
    private final Path output;
    private final int limit;
    private final Map<FeedRef, ExportStore.FeedRow> previous = new TreeMap<>();
    private final Set<FeedRef> stale = new TreeSet<>();
    private final Set<FeedRef> due = new TreeSet<>();
    /** The files with an article dated between the last export's cut-off and this one's. */
    private final Set<String> dueFiles = new HashSet<>();
    /** The output files of an incremental run's last export, as the store remembers them (path, size and time). */
    private final Map<String, ExportStore.OutputFile> recorded = new HashMap<>();

    /** @param limit the most items a feed holds (feeds.limit) */
    FeedPlan(ExportStore store, FeedNames names, Publisher publisher, Path output, int limit)
            throws StateStoreException {
        this.store = store;
        this.names = names;
        this.publisher = publisher;
        this.output = output;
        this.limit = limit;
        for (ExportStore.FeedRow row : store.feeds()) {
            previous.put(FeedStates.ref(row.kind(), row.name()), row);
        }
    }

    /** Every feed the last export wrote and every one chosen now: a full export. */
    void renderAll(Collection<FeedRef> chosen) {
        stale.addAll(previous.keySet());
        stale.addAll(chosen);
        stale.add(FeedRef.ALL);
    }

    /** Marks the feeds an incremental export renders. */
    void addStale(boolean renderAll, Long lastCutoff, Instant cutoff) throws IOException {
        for (ExportStore.FeedId id : store.dirtyFeeds()) {
            stale.add(FeedStates.ref(id.kind(), id.name()));
        }
        if (renderAll) {
            addEveryFeed();
            return;
        }
        if (lastCutoff != null) {
            addDue(lastCutoff, cutoff.getEpochSecond());
        }
        boolean providerMoved = false;
        for (Map.Entry<FeedRef, ExportStore.FeedRow> feed : previous.entrySet()) {
            FeedKey key = names.key(feed.getKey());
            boolean moved = key != null && !key.slug().equals(feed.getValue().slug());
            if (key == null || moved || !names.displayName(feed.getKey()).equals(feed.getValue().display())) {
                stale.add(feed.getKey());
            }
            providerMoved |= moved && feed.getKey().kind() == FeedKind.PROVIDER;
        }
        if (providerMoved) {
            // Every RSS item names its provider's feed (<source url>), and any feed may hold an
            // item of the provider whose feed moved (a new domain took its slug): rare, so all.
            addEveryFeed();
        }
        addDamaged();
    }

    private void addEveryFeed() throws StateStoreException {
        stale.addAll(previous.keySet());
        stale.add(FeedRef.ALL);
        store.topics().keySet().forEach(topic -> stale.add(FeedRef.topic(topic)));
        store.providers().keySet().forEach(domain -> stale.add(FeedRef.provider(domain)));
    }

    /**
     * Feeds holding an article held back by the last export whose date has now come, or, when the
     * clock was set back since (a clock that ran ahead, corrected), an article the last export
     * showed whose date is now in the future again: either way, an article dated between the two
     * cut-offs.
     */
    private void addDue(long lastCutoff, long cutoff) throws StateStoreException {
        long from = Math.min(lastCutoff, cutoff);
        long to = Math.max(lastCutoff, cutoff);
        store.forEachFileFrom(from + 1, row -> {
            FileKeys keys = FileKeys.decode(row.path(), row.keys());
            List<ArticleKey> articles = keys.articles();
            if (articles.stream().anyMatch(article -> article.published() > from && article.published() <= to)) {
                dueFiles.add(row.path());
                // Every feed with an item of the story: the article enters or leaves its feeds and
                // the coverage lists of the story's other items.
                due.add(FeedRef.ALL);
                keys.topics().forEach(topic -> due.add(FeedRef.topic(topic)));
                articles.forEach(article -> due.add(FeedRef.provider(article.domain())));
            }
        });
        stale.addAll(due);
    }

    /** Feeds with an output file that is missing, or not what the last export wrote. */
    private void addDamaged() throws StateStoreException {
        Map<String, FeedRef> byPath = new HashMap<>();
        for (Map.Entry<FeedRef, ExportStore.FeedRow> feed : previous.entrySet()) {
            for (String path : publisher.paths(key(feed.getValue()))) {
                byPath.put(path, feed.getKey());
            }
        }
        for (ExportStore.OutputFile file : store.outputFiles()) {
            recorded.put(file.path(), file);
            FeedRef ref = byPath.get(file.path());
            if (ref != null && !matches(file)) {
                stale.add(ref);
            }
        }
        byPath.forEach((path, ref) -> {
            if (!recorded.containsKey(path)) {
                stale.add(ref);
            }
        });
    }

    /**
     * Whether every one of {@code paths} is as the last export wrote it (the store remembers its
     * size and modification time, and the file on disk has them); false when the plan did not
     * look at the output (a full export, or every feed rendered again).
     */
    boolean asWritten(List<String> paths) {
        for (String path : paths) {
            ExportStore.OutputFile file = recorded.get(path);
            if (file == null || !matches(file)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(ExportStore.OutputFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(output.resolve(file.path()), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.size() == file.size()
                    && attributes.lastModifiedTime().toMillis() == file.mtime();
        } catch (IOException e) {
            return false;
        }
    }

    Set<FeedRef> stale() {
        return stale;
    }

    /**
     * The stale feeds that an article of an unchanged file, held back by the last export for its
     * date, may now enter, or that one must leave for a clock set back: what they remember does
     * not tell their new items.
     */
    Set<FeedRef> due() {
        return due;
    }

    /**
     * The files with an article that came due since the last export, or went back into the
     * future: their items as remembered name the wrong articles in their coverage lists.
     */
    Set<String> dueFiles() {
        return dueFiles;
    }

    /** The output paths of the feeds that are neither stale nor gone: their files stay as they are. */
    List<String> keptPaths(Collection<FeedRef> gone) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<FeedRef, ExportStore.FeedRow> feed : previous.entrySet()) {
            if (!stale.contains(feed.getKey()) && !gone.contains(feed.getKey())) {
                paths.addAll(publisher.paths(key(feed.getValue())));
            }
        }
        return paths;
    }

    /** The index page's rows: the feeds just rendered, and the others as the store remembers them. */
    List<FeedSummary> summaries(List<Publisher.Published> published, Collection<FeedRef> gone) {
        List<FeedSummary> summaries = new ArrayList<>();
        for (Map.Entry<FeedRef, ExportStore.FeedRow> feed : previous.entrySet()) {
            if (!stale.contains(feed.getKey()) && !gone.contains(feed.getKey())) {
                ExportStore.FeedRow row = feed.getValue();
                summaries.add(new FeedSummary(key(row), row.display(),
                        feed.getKey().kind() == FeedKind.PROVIDER ? row.name() : null, row.title(), row.items(),
                        row.newest() == null ? null : Instant.ofEpochSecond(row.newest())));
            }
        }
        for (Publisher.Published feed : published) {
            summaries.add(feed.summary());
        }
        return summaries;
    }

    /** How many feeds the output holds after this export. */
    int feedCount(List<Publisher.Published> published, Collection<FeedRef> gone) {
        int kept = 0;
        for (FeedRef ref : previous.keySet()) {
            if (!stale.contains(ref) && !gone.contains(ref)) {
                kept++;
            }
        }
        return kept + published.size();
    }

    /**
     * Tells the store what was written, what is gone, and the run's settings, in one transaction.
     *
     * @param site     the files about all feeds that were written, whose size and time to remember
     *                 (none when they were left as they were)
     * @param remember the feeds written whose items to keep, so that rendering them again needs no
     *                 file read and may need no choice among every file's keys (the others forget
     *                 theirs); a full export keeps none (it would cost more than it saves)
     */
    void record(List<Publisher.Published> published, Collection<FeedRef> gone, List<String> deleted,
            List<String> site, Map<String, String> meta, Predicate<FeedRef> remember) throws IOException {
        List<Publisher.Published> remembered = published.stream().filter(p -> remember.test(ref(p.feed()))).toList();
        Map<String, Long> checksums = remembered.isEmpty() ? Map.of() : checksums(remembered);
        List<ExportStore.FeedRow> rows = new ArrayList<>();
        Map<ExportStore.FeedId, Supplier<byte[]>> chosen = new HashMap<>();
        List<ExportStore.OutputFile> files = new ArrayList<>();
        for (Publisher.Published feed : published) {
            CatalogFeed catalogFeed = feed.feed();
            FeedSummary summary = feed.summary();
            FeedRef ref = ref(catalogFeed);
            String name = ref.name();
            List<dev.feedwright.catalog.Entry> entries = catalogFeed.entries();
            Long floor = entries.size() >= limit ? entries.get(entries.size() - 1).article().published().getEpochSecond()
                    : null;
            rows.add(new ExportStore.FeedRow(catalogFeed.key().kind().ordinal(), name, catalogFeed.key().slug(),
                    summary.name(), summary.title(), summary.items(),
                    summary.newest() == null ? null : summary.newest().getEpochSecond(), floor));
            chosen.put(FeedStates.id(ref),
                    remember.test(ref) ? () -> ChosenItems.encode(catalogFeed.entries(), checksums) : () -> null);
            for (String path : publisher.paths(catalogFeed.key())) {
                files.add(outputFile(path));
            }
        }
        for (String path : site) {
            files.add(outputFile(path));
        }
        List<ExportStore.FeedId> goneIds = new ArrayList<>();
        List<String> goneFiles = new ArrayList<>(deleted);
        for (FeedRef ref : gone) {
            goneIds.add(FeedStates.id(ref));
            ExportStore.FeedRow row = previous.get(ref);
            if (row != null) {
                goneFiles.addAll(publisher.paths(key(row)));
            }
        }
        store.feedsWritten(rows, chosen, goneIds, files, goneFiles, false, meta);
    }

    /** An output file as it is now. */
    private ExportStore.OutputFile outputFile(String path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(output.resolve(path), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return new ExportStore.OutputFile(path, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** The feed as the corpus names it. */
    private static FeedRef ref(CatalogFeed feed) {
        return new FeedRef(feed.key().kind(), switch (feed.key().kind()) {
            case ALL -> "";
            case TOPIC -> feed.name();
            case PROVIDER -> feed.domain();
        });
    }

    /** The checksum the store knows for the file of every item of the feeds written. */
    private Map<String, Long> checksums(List<Publisher.Published> published) throws IOException {
        return store.checksums(published.stream().flatMap(p -> p.feed().entries().stream())
                .map(entry -> entry.story().source()).collect(Collectors.toSet()));
    }

    private static FeedKey key(ExportStore.FeedRow row) {
        return new FeedKey(FeedKind.values()[row.kind()], row.slug());
    }
}
