package dev.feedwright.pipeline;

import dev.feedwright.catalog.ArticleKey;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.catalog.FileKeys;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.FileBytes;
import dev.feedwright.corpus.Problem;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.Story;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateStoreException;
import dev.feedwright.state.WalkBuckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the state store in line with the corpus. Every file is looked at (its size and
 * modification time), but only new and changed files are read, in parallel with a bounded window;
 * a file whose bytes turn out unchanged (touched, not edited) is not parsed. For every file that
 * changed, was added or removed, the store gets its new keys, the name counts it changes and the
 * feeds it makes stale, in one transaction per batch. A feed is stale when one of the file's
 * articles, before or after the change, is recent enough to be one of its items: a full feed's
 * oldest item sets the bar, so editing an old story leaves the feeds of today alone. The stories
 * read are handed to the catalog when one is given (a full export), or kept, up to a bound, for
 * the feeds that will need them.
 */
final class CorpusSync {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusSync.class);
    /**
     * Files written to the store per transaction, and their keys' bytes, whichever bound comes
     * first. Each commit writes every index page it touched, and the path and walk indexes are
     * filled in no order, so fewer, larger commits write far fewer pages; a run stopped midway
     * leaves at most one batch to be read again.
     */
    private static final int BATCH = 4_000;
    private static final int BATCH_BYTES = 8 << 20;

    /** Folders kept from the first walk of an incremental run, at most, to look at some of their files again. */
    private static final int MAX_FOLDERS = 10_000;

    /** Files per folder, on average, below which walking again is cheaper than listing the folders. */
    private static final int MIN_FILES_PER_FOLDER = 8;

    /**
     * The modification time stored for a file the next run must read again: one whose bytes could
     * not be read, or one modified too recently to be trusted (see {@link #RACY_MILLIS}). No walk
     * sees a file with it, so the next run reads the file whatever its size and time.
     */
    private static final long READ_AGAIN = -1;
    /**
     * The checksum stored for a file whose bytes were not read (unreadable, or too large): no
     * CRC-32C is negative, so the next read of the file never takes it for unchanged (an empty
     * file's CRC-32C is 0).
     */
    private static final long NOT_READ = -1;

    /**
     * How much older than the run's start a file's modification time must be for its size and
     * time to be trusted by the next run. A file edited after this run read it, but within the
     * same tick of the file system's clock (2 s on FAT, 1 s on ext3 and HFS+, a timer tick on
     * others), keeps both: git's "racily clean" files. Such a file is stored to be read again, as
     * git does; once its time is this much older than a run's start, that run trusts it as usual.
     */
    static final long RACY_MILLIS = 2_000;

    /** Stories kept from the files read, at most, so that an incremental run needs no second read of them. */
    private static final int MAX_KEPT_STORIES = 4096;
    /**
     * The bytes of the files whose stories are kept, at most (as much as the reading reads ahead):
     * a story costs memory in proportion to its file, and a run that reads many large files (a
     * mass edit, a pull) must fit the heap a full export fits.
     */
    private static final long MAX_KEPT_BYTES = 16L << 20;

    private final Path root;
    private final CorpusScanner scanner;
    private final StoryReader reader;
    private final ExportStore store;
    private final Catalog catalog;
    private final long maxFileBytes;
    private final Map<FeedRef, Long> floors;
    private final long trustedBefore;

    private final Map<String, Story> stories = new HashMap<>();
    private long keptBytes;
    private boolean storiesComplete = true;
    private final List<Problem> newProblems = new ArrayList<>();
    private ExportStore.Batch batch = new ExportStore.Batch();
    private long seen;
    private long read;
    private long warnings;

    /**
     * @param catalog gets every story read, for a full export; null for an incremental one
     * @param floors  each feed the last export wrote, with the publication second below which an
     *                article cannot enter it (null for a feed that is not full): a change to
     *                older articles leaves the feed as it is
     * @param started the run's start by the system clock (epoch ms), which file modification times
     *                are compared with: a file modified less than {@link #RACY_MILLIS} before it, or
     *                after it, is stored to be read again by the next run
     */
    CorpusSync(Path root, CorpusScanner scanner, StoryReader reader, ExportStore store, Catalog catalog,
            long maxFileBytes, Map<FeedRef, Long> floors, long started) {
        this.root = root;
        this.scanner = scanner;
        this.reader = reader;
        this.store = store;
        this.catalog = catalog;
        this.maxFileBytes = maxFileBytes;
        this.floors = floors;
        this.trustedBefore = started - RACY_MILLIS;
    }

    /**
     * What the pass found.
     *
     * @param stories         the stories of files read, as many as could be kept
     * @param storiesComplete true when {@code stories} holds the story of every file read
     */
    record Result(long files, long read, long warnings, List<Problem> newProblems, Map<String, Story> stories,
            boolean storiesComplete) {
    }

    Result run(ExecutorService pool, int window) throws IOException {
        ReadAhead<Outcome> reading = new ReadAhead<>(window);
        try {
            // A full export, whose store holds nothing, looks up every file as it walks; an
            // incremental one first compares a walk with the store, bucket by bucket, and looks up
            // only the files of the buckets that differ, none when nothing changed. To find them
            // it lists the folders the walk went through again and reads only their attributes;
            // when the folders hold few files each (listing them would cost what looking at each
            // file does) or are too many to keep, it walks again.
            if (catalog == null) {
                WalkBuckets walked = new WalkBuckets();
                Optional<List<Path>> folders = scanner.scanFolders(
                        (file, source, attributes) -> walked.add(source, size(attributes), mtime(attributes)),
                        MAX_FOLDERS);
                boolean[] changed = walked.changedSince(store.walkBuckets());
                if (changed == null) {
                    return new Result(walked.files(), read, warnings, newProblems, stories, storiesComplete);
                }
                seen = walked.files();
                Predicate<String> wanted = source -> changed[WalkBuckets.bucket(source)];
                if (folders.isPresent() && folders.get().size() * MIN_FILES_PER_FOLDER <= walked.files()) {
                    lookUp(sink -> scanner.rescan(folders.get(), wanted, sink), reading, pool);
                } else {
                    lookUp(sink -> scanner.scanWithAttributes((file, source, attributes) -> {
                        if (wanted.test(source)) {
                            sink.accept(file, source, attributes);
                        }
                    }), reading, pool);
                }
            } else {
                lookUp(sink -> scanner.scanWithAttributes((file, source, attributes) -> {
                    seen++;
                    sink.accept(file, source, attributes);
                }), reading, pool);
            }
            reading.drain(this::accept);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        flush();
        removeDeletedFiles();
        return new Result(seen, read, warnings, newProblems, stories, storiesComplete);
    }

    /** Files as a walk hands them on, with their source names and attributes (null for one it could not look at). */
    private interface Walk {
        void run(CorpusScanner.Sink sink) throws IOException;
    }

    /** Looks up in the store, in batches, the files {@code walk} hands on, and reads the new and changed ones. */
    private void lookUp(Walk walk, ReadAhead<Outcome> reading, ExecutorService pool) throws IOException {
        List<Looked> looked = new ArrayList<>(ExportStore.LOOKUP_BATCH);
        walk.run((file, source, attributes) -> {
            looked.add(looked(file, source, attributes));
            if (looked.size() >= ExportStore.LOOKUP_BATCH) {
                dispatch(looked, reading, pool);
            }
        });
        dispatch(looked, reading, pool);
    }

    private static Looked looked(Path file, String source, BasicFileAttributes attributes) {
        return new Looked(file, source, size(attributes), mtime(attributes));
    }

    /** A file's size as the walk saw it; -1 for a file it could not look at. */
    private static long size(BasicFileAttributes attributes) {
        return attributes == null ? -1 : attributes.size();
    }

    /** A file's modification time in milliseconds as the walk saw it; -1 for a file it could not look at. */
    private static long mtime(BasicFileAttributes attributes) {
        return attributes == null ? -1 : attributes.lastModifiedTime().toMillis();
    }

    /** A file as the walk saw it. */
    private record Looked(Path file, String source, long size, long mtime) {
    }

    /** Looks a batch of files up in the store at once and reads those that are new or changed. */
    private void dispatch(List<Looked> looked, ReadAhead<Outcome> reading, ExecutorService pool) {
        try {
            Map<String, long[]> known = store.stamps(looked.stream().map(Looked::source).toList());
            for (Looked file : looked) {
                long[] row = known.get(file.source());
                if (row != null && row[0] == file.size() && row[1] == file.mtime()) {
                    continue;
                }
                Task task = new Task(file.file(), file.source(), file.size(), file.mtime(),
                        row == null ? null : store.file(file.source()));
                // A file too large to be read holds nothing.
                reading.add(pool.submit(() -> read(task)), task.size() > maxFileBytes ? 0 : Math.max(0, task.size()),
                        this::accept);
            }
        } catch (StateStoreException e) {
            throw new UncheckedIOException(e);
        }
        looked.clear();
    }

    /** A new or changed file to read, with its row in the store (null for a new file). */
    private record Task(Path file, String source, long size, long mtime, ExportStore.FileRow row) {
    }

    /** Reads one file, on the pool; a file whose bytes did not change is not parsed. */
    private Outcome read(Task task) {
        if (task.size() > maxFileBytes) {
            return new Outcome(task, NOT_READ, reader.tooLarge(task.source(), task.size()), false);
        }
        byte[] bytes;
        try {
            FileBytes read = FileBytes.read(task.file(), maxFileBytes);
            if (read.bytes() == null) {
                return new Outcome(task, NOT_READ, reader.tooLarge(task.source(), read.size()), false);
            }
            bytes = read.bytes();
        } catch (IOException e) {
            // Stored as if never looked at, so that every run tries again: making a file readable
            // (chmod) changes neither its size nor its modification time.
            Task unread = new Task(task.file(), task.source(), task.size(), READ_AGAIN, task.row());
            return new Outcome(unread, NOT_READ, StoryReader.unreadable(task.source(), e), false);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long checksum = crc.getValue();
        ExportStore.FileRow row = task.row();
        if (row != null && row.size() == bytes.length && row.checksum() == checksum) {
            return new Outcome(task, checksum, null, true);
        }
        return new Outcome(task, checksum, reader.read(task.source(), bytes), false);
    }

    /** What reading a file gave: a result, or the news that its bytes did not change. */
    private record Outcome(Task task, long checksum, ReadResult result, boolean unchanged) {
    }

    private void accept(Outcome outcome) {
        Task task = outcome.task();
        long mtime = stored(task.mtime());
        ExportStore.FileRow old = task.row();
        if (outcome.unchanged()) {
            batch.upsert(new ExportStore.FileRow(old.path(), task.size(), mtime, old.checksum(),
                    old.maxPublished(), old.articles(), old.keys(), old.skipLine(), old.skipReason()));
            maybeFlush();
            return;
        }
        read++;
        FileKeys oldKeys = old == null || old.keys() == null ? null : FileKeys.decode(old.path(), old.keys());
        if (outcome.result() instanceof ReadResult.Read r) {
            if (!r.warnings().isEmpty()) {
                LOG.warn("{}", ExportRun.describe(r.warnings()));
                warnings += r.warnings().size();
            }
            FileKeys keys = FileKeys.of(r.story());
            batch.upsert(new ExportStore.FileRow(task.source(), task.size(), mtime, outcome.checksum(),
                    keys.maxPublished(), keys.articles().size(), keys.encode(), 0, null));
            change(oldKeys, keys);
            if (catalog != null) {
                catalog.offer(keys, r.story());
            } else if (stories.size() < MAX_KEPT_STORIES && keptBytes + task.size() <= MAX_KEPT_BYTES) {
                stories.put(task.source(), r.story());
                keptBytes += task.size();
            } else {
                storiesComplete = false;
            }
        } else if (outcome.result() instanceof ReadResult.Skipped s) {
            LOG.warn("skipped {}", s.problem());
            if (newProblems.size() < ExportRun.MAX_REPORTED_PROBLEMS) {
                newProblems.add(s.problem());
            }
            batch.upsert(new ExportStore.FileRow(task.source(), task.size(), mtime, outcome.checksum(),
                    ExportStore.SKIPPED, 0, null, s.problem().line(), s.problem().message()));
            change(oldKeys, null);
        }
        maybeFlush();
    }

    /**
     * The modification time to store for a file the walk saw with {@code mtime}: {@link #READ_AGAIN}
     * when it is not clearly older than the run's start, so that an edit that kept the file's size
     * and time is still seen (an incremental export must write what a full one writes).
     */
    private long stored(long mtime) {
        return mtime >= trustedBefore ? READ_AGAIN : mtime;
    }

    /** Records what a file's change does to the name counts and which feeds it makes stale. */
    private void change(FileKeys before, FileKeys after) {
        if (before != null) {
            count(before, -1);
        }
        if (after != null) {
            count(after, 1);
        }
    }

    private void count(FileKeys keys, int sign) {
        for (String topic : keys.topics()) {
            batch.topic(topic, sign);
        }
        for (ArticleKey article : keys.articles()) {
            batch.provider(article.domain(), article.providerName(), sign);
        }
        if (catalog == null) {
            List<ArticleKey> articles = keys.articles();
            ArticleKey primary = articles.get(0);
            touch(FeedRef.ALL, primary);
            for (String topic : keys.topics()) {
                touch(FeedRef.topic(topic), primary);
            }
            for (ArticleKey article : articles) {
                touch(FeedRef.provider(article.domain()), article);
            }
        }
    }

    /** Marks a feed stale unless the article is too old to be, or to have been, one of its items. */
    private void touch(FeedRef feed, ArticleKey article) {
        Long floor = floors.get(feed);
        if (floor == null || article.published() >= floor) {
            batch.dirty(FeedStates.id(feed));
        }
    }

    private void removeDeletedFiles() throws StateStoreException {
        if (store.totals().files() <= seen) {
            return;
        }
        List<ExportStore.FileRow> gone = new ArrayList<>();
        Map<String, Boolean> linkedFolders = new HashMap<>();
        store.forEachFile(row -> {
            if (!stillWalked(row.path(), linkedFolders)) {
                gone.add(row);
            }
        });
        for (ExportStore.FileRow row : gone) {
            batch.delete(row.path());
            if (row.keys() != null) {
                change(FileKeys.decode(row.path(), row.keys()), null);
            }
            maybeFlush();
        }
        flush();
    }

    /**
     * Whether a walk would still find the file of {@code path}: a regular file, reached through
     * folders none of which is a symbolic link (the walk follows none below the corpus folder, so
     * the files of a folder replaced by a link are gone). {@code linkedFolders} keeps the answers
     * for the folders last asked about, for the other files in them (at most {@link #BATCH} at a time).
     */
    private boolean stillWalked(String path, Map<String, Boolean> linkedFolders) {
        if (!Files.isRegularFile(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (linkedFolders.size() >= BATCH) {
                linkedFolders.clear();
            }
            if (linkedFolders.computeIfAbsent(folder, f -> Files.isSymbolicLink(root.resolve(f)))) {
                return false;
            }
        }
        return true;
    }

    private void maybeFlush() {
        if (batch.size() >= BATCH || batch.bytes() >= BATCH_BYTES) {
            try {
                flush();
            } catch (StateStoreException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void flush() throws StateStoreException {
        store.apply(batch);
        batch = new ExportStore.Batch();
    }
}
