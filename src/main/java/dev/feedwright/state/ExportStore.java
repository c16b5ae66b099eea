package dev.feedwright.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What exports remember between runs, so that a rerun reads only the corpus files that changed
 * and renders only the feeds they touch:
 *
 * <ul>
 *   <li>every corpus file's size, modification time and what it contributes to the feeds, in
 *       compact form (an opaque blob the catalog encodes), or why it was skipped;</li>
 *   <li>the topic and provider names in use, counted, so that feeds are named from the whole
 *       corpus without reading it;</li>
 *   <li>every feed with its slug, title, item count and newest date, and the output files as last
 *       written, so that a damaged output is noticed;</li>
 *   <li>the feeds still to render: marked in the same transaction as the file changes that make
 *       them stale, cleared in the same transaction as their files are recorded written, so a run
 *       killed at any moment leaves them marked for the next one;</li>
 *   <li>a few settings of the last run (its fingerprint and cut-off date).</li>
 * </ul>
 */
public final class ExportStore {

    private final StateDb db;

    public ExportStore(StateDb db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * A corpus file as last read: {@code keys} null when it was skipped, with the reason.
     *
     * @param checksum a CRC-32C of its bytes, so that a file touched but not changed is not read again
     */
    public record FileRow(String path, long size, long mtime, long checksum, long maxPublished, int articles,
            byte[] keys, int skipLine, String skipReason) {
    }

    /**
     * A feed as last written.
     *
     * @param name    the topic name, provider domain, or empty for all stories
     * @param display the name the feed shows
     * @param floor   the publication second of its oldest item when it holds as many items as it
     *                may, else null: an article published before it cannot change the feed
     */
    public record FeedRow(int kind, String name, String slug, String display, String title, int items, Long newest,
            Long floor) {
    }

    /** A feed named by kind and name, as marked to render. */
    public record FeedId(int kind, String name) {
    }

    /** An output file as last written. */
    public record OutputFile(String path, long size, long mtime) {
    }

    /** The changes of a batch of corpus files, written in one transaction. */
    public static final class Batch {
        private final List<FileRow> upserts = new ArrayList<>();
        private final List<String> deletes = new ArrayList<>();
        private final Map<String, Long> topicDeltas = new HashMap<>();
        private final Map<String, Map<String, Long>> providerDeltas = new HashMap<>();
        private final List<FeedId> dirty = new ArrayList<>();
        private long bytes;

        public void upsert(FileRow row) {
            upserts.add(row);
            bytes += row.keys() == null ? 0 : row.keys().length;
        }

        public void delete(String path) {
            deletes.add(path);
        }

        public void topic(String name, long delta) {
            topicDeltas.merge(name, delta, Long::sum);
        }

        public void provider(String domain, String name, long delta) {
            providerDeltas.computeIfAbsent(domain, d -> new HashMap<>()).merge(name, delta, Long::sum);
        }

        public void dirty(FeedId feed) {
            dirty.add(feed);
        }

        public int size() {
            return upserts.size() + deletes.size();
        }

        /** The bytes of the keys of the files to write. */
        public long bytes() {
            return bytes;
        }

        public boolean isEmpty() {
            return upserts.isEmpty() && deletes.isEmpty() && dirty.isEmpty() && topicDeltas.isEmpty()
                    && providerDeltas.isEmpty();
        }
    }

    public String meta(String key) throws StateStoreException {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM export_meta WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public void putMeta(Map<String, String> values) throws StateStoreException {
        db.inTransaction(c -> {
            putMeta(c, values);
            return null;
        });
    }

    private static void putMeta(Connection c, Map<String, String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO export_meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> value : values.entrySet()) {
                s.setString(1, value.getKey());
                s.setString(2, value.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Forgets every corpus file and name, which feeds need rendering and the items feeds remember,
     * keeping the feeds and the meta settings: before a full export.
     */
    public void clearCorpus() throws StateStoreException {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM corpus_files");
                s.execute("DELETE FROM corpus_topics");
                s.execute("DELETE FROM corpus_providers");
                s.execute("DELETE FROM export_dirty");
                s.execute("UPDATE export_feeds SET chosen = NULL");
            }
            return null;
        });
    }

    /** The row of one corpus file, or null. */
    public FileRow file(String path) throws StateStoreException {
        List<FileRow> rows = new ArrayList<>(1);
        forEachFileWhere(" WHERE path = ?", rows::add, path);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The {@code maxPublished} of a skipped file, which has no articles and no keys: the index on
     * it finds the skipped files and counts them.
     */
    public static final long SKIPPED = Long.MIN_VALUE;

    /** Paths {@link #stamps} should be given at once, at most. */
    public static final int LOOKUP_BATCH = 500;

    /**
     * What the store holds, bucket by bucket, in one pass over an index: a run that walked the
     * same counts and sums has nothing to look up file by file.
     */
    public WalkBuckets walkBuckets() throws StateStoreException {
        WalkBuckets buckets = new WalkBuckets();
        return db.with(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT walk_bucket, count(*),"
                    + " sum(walk_hash) FROM corpus_files GROUP BY walk_bucket")) {
                while (rs.next()) {
                    buckets.set(rs.getInt(1), rs.getLong(2), rs.getLong(3));
                }
            }
            return buckets;
        });
    }

    /**
     * Size, modification time and checksum of the known files among {@code paths}, in one query
     * (at most {@link #LOOKUP_BATCH} of them).
     */
    public Map<String, long[]> stamps(List<String> paths) throws StateStoreException {
        Map<String, long[]> known = new HashMap<>();
        if (paths.isEmpty()) {
            return known;
        }
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT path, size, mtime, checksum FROM corpus_files WHERE path IN ("
                    + placeholders(paths.size()) + ")")) {
                for (int i = 0; i < paths.size(); i++) {
                    s.setString(i + 1, paths.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
            return known;
        });
    }

    /** The checksum of each known file among {@code paths}, looked up a few hundred at a time. */
    public Map<String, Long> checksums(Collection<String> paths) throws StateStoreException {
        Map<String, Long> checksums = new HashMap<>();
        inBatches(paths, batch -> stamps(batch).forEach((path, stamp) -> checksums.put(path, stamp[2])));
        return checksums;
    }

    /** Every corpus file, one at a time. */
    public void forEachFile(Consumer<FileRow> sink) throws StateStoreException {
        forEachFileWhere("", sink);
    }

    /** The known files among {@code paths}, one at a time, looked up a few hundred at a time. */
    public void forEachFileIn(Collection<String> paths, Consumer<FileRow> sink) throws StateStoreException {
        inBatches(paths, batch -> forEachFileWhere(" WHERE path IN (" + placeholders(batch.size()) + ")", sink,
                batch.toArray()));
    }

    /** Work on one batch of at most {@link #LOOKUP_BATCH} paths. */
    @FunctionalInterface
    private interface BatchWork {
        void run(List<String> batch) throws StateStoreException;
    }

    private static void inBatches(Collection<String> paths, BatchWork work) throws StateStoreException {
        List<String> list = List.copyOf(paths);
        for (int from = 0; from < list.size(); from += LOOKUP_BATCH) {
            work.run(list.subList(from, Math.min(list.size(), from + LOOKUP_BATCH)));
        }
    }

    /** {@code count} SQL parameters, separated by commas. */
    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * The corpus files with an article published at or after {@code epochSecond}, one at a time,
     * found through the index on each file's newest article (never a skipped file: see {@link #SKIPPED}).
     */
    public void forEachFileFrom(long epochSecond, Consumer<FileRow> sink) throws StateStoreException {
        forEachFileWhere(" WHERE max_published >= ?", sink, epochSecond);
    }

    /**
     * The corpus files with articles only published before {@code epochSecond}, skipped files
     * included, one at a time, in one pass over the table (the {@code +} keeps SQLite off the
     * index, which would cost a lookup per row).
     */
    public void forEachFileBefore(long epochSecond, Consumer<FileRow> sink) throws StateStoreException {
        forEachFileWhere(" WHERE +max_published < ?", sink, epochSecond);
    }

    /** The rows of corpus_files that {@code where} (with its {@code ?} bound to {@code values}) selects. */
    private void forEachFileWhere(String where, Consumer<FileRow> sink, Object... values) throws StateStoreException {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT path, size, mtime, checksum, max_published,"
                    + " articles, keys, skip_line, skip_reason FROM corpus_files" + where)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(fileRow(rs));
                    }
                }
            }
            return null;
        });
    }

    /** How many files the store knows, how many were skipped, and their stories' articles. */
    public record Totals(long files, long skipped, long articles) {
    }

    public Totals totals() throws StateStoreException {
        return db.with(c -> {
            // Read from the index on (max_published, articles) alone.
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(max_published = ?), 0),"
                    + " COALESCE(SUM(articles), 0) FROM corpus_files")) {
                s.setLong(1, SKIPPED);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }

    /** The skipped files, at most {@code limit} of them, with their line and reason. */
    public List<FileRow> skippedFiles(int limit) throws StateStoreException {
        List<FileRow> rows = new ArrayList<>();
        forEachFileWhere(" WHERE max_published = ? ORDER BY path LIMIT ?", rows::add, SKIPPED, limit);
        return rows;
    }

    private static FileRow fileRow(ResultSet rs) throws SQLException {
        return new FileRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
                rs.getBytes(7), rs.getInt(8), rs.getString(9));
    }

    /** Writes a batch of corpus changes, the name counts they change and the feeds they make stale. */
    public void apply(Batch batch) throws StateStoreException {
        if (batch.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO corpus_files (path, size, mtime, checksum,"
                    + " max_published, articles, keys, skip_line, skip_reason, walk_hash, walk_bucket)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON"
                    + " CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,"
                    + " checksum = excluded.checksum, max_published = excluded.max_published,"
                    + " articles = excluded.articles, keys = excluded.keys, skip_line = excluded.skip_line,"
                    + " skip_reason = excluded.skip_reason, walk_hash = excluded.walk_hash,"
                    + " walk_bucket = excluded.walk_bucket")) {
                for (FileRow row : batch.upserts) {
                    s.setString(1, row.path());
                    s.setLong(2, row.size());
                    s.setLong(3, row.mtime());
                    s.setLong(4, row.checksum());
                    s.setLong(5, row.maxPublished());
                    s.setInt(6, row.articles());
                    if (row.keys() == null) {
                        s.setNull(7, Types.BLOB);
                    } else {
                        s.setBytes(7, row.keys());
                    }
                    s.setInt(8, row.skipLine());
                    s.setString(9, row.skipReason());
                    s.setLong(10, WalkBuckets.hash(row.path(), row.size(), row.mtime()));
                    s.setInt(11, WalkBuckets.bucket(row.path()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM corpus_files WHERE path = ?")) {
                for (String path : batch.deletes) {
                    s.setString(1, path);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO corpus_topics (name, count) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET count = count + excluded.count")) {
                for (Map.Entry<String, Long> topic : batch.topicDeltas.entrySet()) {
                    s.setString(1, topic.getKey());
                    s.setLong(2, topic.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO corpus_providers (domain, name, count)"
                    + " VALUES (?, ?, ?) ON CONFLICT (domain, name) DO UPDATE SET count = count + excluded.count")) {
                for (Map.Entry<String, Map<String, Long>> domain : batch.providerDeltas.entrySet()) {
                    for (Map.Entry<String, Long> name : domain.getValue().entrySet()) {
                        s.setString(1, domain.getKey());
                        s.setString(2, name.getKey());
                        s.setLong(3, name.getValue());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM corpus_topics WHERE count <= 0");
                s.execute("DELETE FROM corpus_providers WHERE count <= 0");
            }
            insertDirty(c, batch.dirty);
            return null;
        });
    }

    private static void insertDirty(Connection c, List<FeedId> feeds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO export_dirty (kind, name) VALUES (?, ?)")) {
            for (FeedId feed : feeds) {
                s.setInt(1, feed.kind());
                s.setString(2, feed.name());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Marks feeds to render, for a reason outside the corpus (a damaged output file, a due date). */
    public void markDirty(List<FeedId> feeds) throws StateStoreException {
        if (feeds.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            insertDirty(c, feeds);
            return null;
        });
    }

    /** The feeds still to render. */
    public List<FeedId> dirtyFeeds() throws StateStoreException {
        return db.with(c -> {
            List<FeedId> feeds = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT kind, name FROM export_dirty")) {
                while (rs.next()) {
                    feeds.add(new FeedId(rs.getInt(1), rs.getString(2)));
                }
            }
            return feeds;
        });
    }

    /** Topic names with their counts. */
    public Map<String, Long> topics() throws StateStoreException {
        return db.with(c -> {
            Map<String, Long> topics = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, count FROM corpus_topics")) {
                while (rs.next()) {
                    topics.put(rs.getString(1), rs.getLong(2));
                }
            }
            return topics;
        });
    }

    /** Provider domain to name to count. */
    public Map<String, Map<String, Long>> providers() throws StateStoreException {
        return db.with(c -> {
            Map<String, Map<String, Long>> providers = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT domain, name, count FROM corpus_providers")) {
                while (rs.next()) {
                    providers.computeIfAbsent(rs.getString(1), d -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
            return providers;
        });
    }

    /** Every feed as last written. */
    public List<FeedRow> feeds() throws StateStoreException {
        return db.with(c -> {
            List<FeedRow> feeds = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT kind, name, slug, display, title,"
                    + " items, newest, floor FROM export_feeds")) {
                while (rs.next()) {
                    long newest = rs.getLong(7);
                    Long newestOrNull = rs.wasNull() ? null : newest;
                    long floor = rs.getLong(8);
                    Long floorOrNull = rs.wasNull() ? null : floor;
                    feeds.add(new FeedRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), newestOrNull, floorOrNull));
                }
            }
            return feeds;
        });
    }

    /** Hands on, one feed at a time, the items each of {@code feeds} that has them held when it was last written. */
    public void forEachChosen(Collection<FeedId> feeds, BiConsumer<FeedId, byte[]> sink) throws StateStoreException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT chosen FROM export_feeds WHERE kind = ? AND name = ? AND chosen IS NOT NULL")) {
                for (FeedId feed : feeds) {
                    s.setInt(1, feed.kind());
                    s.setString(2, feed.name());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            sink.accept(feed, rs.getBytes(1));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Every output file as last written. */
    public List<OutputFile> outputFiles() throws StateStoreException {
        return db.with(c -> {
            List<OutputFile> files = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT path, size, mtime FROM export_files")) {
                while (rs.next()) {
                    files.add(new OutputFile(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return files;
        });
    }

    /**
     * Records, in one transaction, the feeds just written (and those that are gone), their output
     * files, and that they no longer need rendering; and the run's settings.
     *
     * @param chosen     the items of written feeds, as {@link dev.feedwright.catalog.ChosenItems} bytes, or null to
     *                   forget them; each made when it is written
     * @param replaceAll true when {@code written} is every feed: the old rows are dropped first
     */
    public void feedsWritten(List<FeedRow> written, Map<FeedId, Supplier<byte[]>> chosen, List<FeedId> gone,
            List<OutputFile> files, List<String> goneFiles, boolean replaceAll, Map<String, String> meta)
            throws StateStoreException {
        db.inTransaction(c -> {
            if (replaceAll) {
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM export_feeds");
                    s.execute("DELETE FROM export_files");
                    s.execute("DELETE FROM export_dirty");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO export_feeds (kind, name, slug, display, title,"
                    + " items, newest, floor) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, name) DO UPDATE SET"
                    + " slug = excluded.slug, display = excluded.display, title = excluded.title,"
                    + " items = excluded.items, newest = excluded.newest, floor = excluded.floor");
                    PreparedStatement clear = c.prepareStatement("DELETE FROM export_dirty WHERE kind = ? AND name = ?")) {
                for (FeedRow feed : written) {
                    s.setInt(1, feed.kind());
                    s.setString(2, feed.name());
                    s.setString(3, feed.slug());
                    s.setString(4, feed.display());
                    s.setString(5, feed.title());
                    s.setInt(6, feed.items());
                    if (feed.newest() == null) {
                        s.setNull(7, Types.INTEGER);
                    } else {
                        s.setLong(7, feed.newest());
                    }
                    if (feed.floor() == null) {
                        s.setNull(8, Types.INTEGER);
                    } else {
                        s.setLong(8, feed.floor());
                    }
                    s.addBatch();
                    clear.setInt(1, feed.kind());
                    clear.setString(2, feed.name());
                    clear.addBatch();
                }
                s.executeBatch();
                try (PreparedStatement items = c.prepareStatement(
                        "UPDATE export_feeds SET chosen = ? WHERE kind = ? AND name = ?")) {
                    // One feed's items at a time, made as they are written: all of them at once, for
                    // a run that writes every feed, would hold every item's story twice.
                    for (Map.Entry<FeedId, Supplier<byte[]>> feed : chosen.entrySet()) {
                        byte[] bytes = feed.getValue().get();
                        if (bytes == null) {
                            items.setNull(1, Types.BLOB);
                        } else {
                            items.setBytes(1, bytes);
                        }
                        items.setInt(2, feed.getKey().kind());
                        items.setString(3, feed.getKey().name());
                        items.executeUpdate();
                    }
                }
                for (FeedId feed : gone) {
                    clear.setInt(1, feed.kind());
                    clear.setString(2, feed.name());
                    clear.addBatch();
                }
                clear.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM export_feeds WHERE kind = ? AND name = ?")) {
                for (FeedId feed : gone) {
                    s.setInt(1, feed.kind());
                    s.setString(2, feed.name());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO export_files (path, size, mtime) VALUES (?, ?, ?)"
                    + " ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM export_files WHERE path = ?")) {
                // The gone feeds' files first: a feed that took over the slug of one gone in the
                // same run wrote files of the same names, which must stay recorded.
                for (String path : goneFiles) {
                    delete.setString(1, path);
                    delete.addBatch();
                }
                delete.executeBatch();
                for (OutputFile file : files) {
                    s.setString(1, file.path());
                    s.setLong(2, file.size());
                    s.setLong(3, file.mtime());
                    s.addBatch();
                }
                s.executeBatch();
            }
            putMeta(c, meta);
            return null;
        });
    }
}
