package dev.feedwright.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The state database: one SQLite file, {@code feedwright.db} in the state folder, in WAL mode so
 * that a crash loses at most the transaction being written and readers never block the writer.
 * The schema carries a version number ({@code PRAGMA user_version}); opening a database applies
 * the migrations it has not seen yet, in order, each in its own transaction, so a later feature
 * adds its tables by appending one migration. Thread-safe: every use of the connection holds
 * this object's lock.
 *
 * <p>Opening checks the file with SQLite's quick check, which reads every page (0.15 s for the
 * state of a 50,000-file corpus, 0.4 s at 200,000), unless the file is exactly as a connection
 * that saw no error left it when it closed: its size, modification time and file key are then
 * kept beside it in {@code feedwright.db.clean}, which opening takes away again, so that a run
 * that crashes, fails or shares the file leaves none.
 */
public final class StateDb implements AutoCloseable {

    /** The database file's name inside the state folder. */
    public static final String FILE_NAME = "feedwright.db";

    /** Beside the database: how the file looked when a connection that saw no error closed it. */
    static final String CLEAN_MARK = FILE_NAME + ".clean";

    /** The least free space {@link #close} gives back to the file system. */
    static final long COMPACT_MIN_FREE_BYTES = 8L * 1024 * 1024;

    /** Schema migrations; entry {@code i} upgrades version {@code i} to {@code i + 1}. Append only. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE links (
                      url           TEXT PRIMARY KEY,
                      host          TEXT NOT NULL,
                      shuffle       INTEGER NOT NULL,
                      seen_at       INTEGER NOT NULL,
                      state         TEXT,
                      status        INTEGER NOT NULL DEFAULT 0,
                      detail        TEXT,
                      moved_to      TEXT,
                      checked_at    INTEGER NOT NULL DEFAULT 0,
                      next_check    INTEGER NOT NULL DEFAULT 0,
                      dead_since    INTEGER NOT NULL DEFAULT 0,
                      dead_last     INTEGER NOT NULL DEFAULT 0,
                      dead_checks   INTEGER NOT NULL DEFAULT 0,
                      etag          TEXT,
                      last_modified TEXT,
                      validator_url TEXT
                    )""",
                    "CREATE INDEX links_order ON links (shuffle, url)",
                    "CREATE INDEX links_verdicts ON links (url) WHERE moved_to IS NOT NULL OR dead_checks >= 2",
                    "CREATE INDEX links_checked ON links (checked_at)"),
            List.of("""
                    CREATE TABLE corpus_files (
                      path          TEXT PRIMARY KEY,
                      size          INTEGER NOT NULL,
                      mtime         INTEGER NOT NULL,
                      checksum      INTEGER NOT NULL,
                      max_published INTEGER NOT NULL,
                      articles      INTEGER NOT NULL,
                      keys          BLOB,
                      skip_line     INTEGER NOT NULL DEFAULT 0,
                      skip_reason   TEXT
                    )""",
                    "CREATE INDEX corpus_files_future ON corpus_files (max_published)",
                    """
                    CREATE TABLE corpus_topics (
                      name  TEXT PRIMARY KEY,
                      count INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE corpus_providers (
                      domain TEXT NOT NULL,
                      name   TEXT NOT NULL,
                      count  INTEGER NOT NULL,
                      PRIMARY KEY (domain, name)
                    )""",
                    """
                    CREATE TABLE export_feeds (
                      kind   INTEGER NOT NULL,
                      name   TEXT NOT NULL,
                      slug   TEXT NOT NULL,
                      display TEXT NOT NULL,
                      title  TEXT NOT NULL,
                      items  INTEGER NOT NULL,
                      newest INTEGER,
                      floor  INTEGER,
                      PRIMARY KEY (kind, name)
                    )""",
                    """
                    CREATE TABLE export_dirty (
                      kind INTEGER NOT NULL,
                      name TEXT NOT NULL,
                      PRIMARY KEY (kind, name)
                    )""",
                    """
                    CREATE TABLE export_files (
                      path  TEXT PRIMARY KEY,
                      size  INTEGER NOT NULL,
                      mtime INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE export_meta (
                      key   TEXT PRIMARY KEY,
                      value TEXT NOT NULL
                    )"""),
            // Each feed's items as rendered, so that rendering it again needs no file read.
            List.of("ALTER TABLE export_feeds ADD COLUMN chosen BLOB"),
            // An index that covers the corpus totals and finds the skipped files (their newest
            // article is ExportStore.SKIPPED), so that neither reads the table with its keys.
            List.of("DROP INDEX corpus_files_future",
                    "CREATE INDEX corpus_files_published ON corpus_files (max_published, articles)"),
            // What the walk saw of each file, hashed, and a bucket by its path, so that a run can
            // compare what it walked with what the store holds, bucket by bucket, in one query over
            // a small index (see ExportStore.walkBuckets). A modification time of -1 makes the
            // next run read every file's bytes once (parsing none whose checksum is unchanged),
            // which stores the hash and bucket of each.
            List.of("ALTER TABLE corpus_files ADD COLUMN walk_hash INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE corpus_files ADD COLUMN walk_bucket INTEGER NOT NULL DEFAULT 0",
                    "CREATE INDEX corpus_files_walk ON corpus_files (walk_bucket, walk_hash)",
                    "UPDATE corpus_files SET mtime = -1"));

    private static final Logger LOG = LoggerFactory.getLogger(StateDb.class);
    /** SQLite's primary result codes for a damaged file. */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    /** The schema version this program writes. */
    public static final int VERSION = MIGRATIONS.size();

    private final Path file;
    private final Connection connection;
    /** Whether the file was given SQLite's quick check when it was opened. */
    private boolean checked;
    /** Whether this connection's work may have gone wrong: no clean mark is left for it. */
    private boolean failed = true;

    private StateDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when needed) the database in {@code dir} and brings its schema up to date. A
     * file that is damaged (not a database, truncated, failing SQLite's quick check) is moved aside
     * as {@code feedwright.db.damaged-<time>} with a warning, and a new database is started: the
     * store holds only what checks found, which the next checks find again, and with no history no
     * link can count as confirmed dead.
     *
     * @throws StateStoreException when the file cannot be opened, or was written by a newer version
     */
    public static StateDb open(Path dir) throws IOException {
        Files.createDirectories(dir);
        SqliteLibrary.placeIn(dir);
        Path file = dir.resolve(FILE_NAME);
        try {
            return openFile(file);
        } catch (Damaged damaged) {
            Path aside = setAside(file);
            LOG.warn("{}: the state database is damaged ({}); moved it to {} and started a new one:"
                    + " earlier link check results are forgotten", file, damaged.getMessage(), aside.getFileName());
            try {
                return openFile(file);
            } catch (Damaged again) {
                throw new StateStoreException(file, "a new state database is damaged too: " + again.getMessage(), null);
            }
        }
    }

    private static StateDb openFile(Path file) throws IOException, Damaged {
        boolean clean = takeCleanMark(file);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw damagedOr(file, "cannot open the state database", e);
        }
        StateDb db = new StateDb(file, connection);
        try {
            db.configure();
            if (!clean) {
                db.check();
                db.checked = true;
            }
            int found = db.migrate();
            if (!clean && found > 0) {
                db.checkSchema();
            }
            db.failed = false;
        } catch (SQLException e) {
            db.close();
            throw damagedOr(file, "cannot prepare the state database", e);
        } catch (IOException | RuntimeException | Damaged e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Whether the file is as a clean close left it (no write-ahead log either); the mark is taken
     * away in any case, so that it never outlives this opening.
     */
    private static boolean takeCleanMark(Path file) {
        Path mark = file.resolveSibling(CLEAN_MARK);
        try {
            String expected = Files.readString(mark);
            Files.delete(mark);
            return expected.equals(stamp(file)) && !Files.exists(wal(file));
        } catch (IOException e) {
            return false; // no mark, or none that can be read: check the file
        }
    }

    /** Marks the file clean after a close, when no other connection has it open (its log is gone). */
    private void markClean() {
        if (Files.exists(wal(file))) {
            return;
        }
        Path mark = file.resolveSibling(CLEAN_MARK);
        Path written = file.resolveSibling(CLEAN_MARK + ".tmp");
        try {
            Files.writeString(written, stamp(file));
            Files.move(written, mark, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without the mark the next opening checks the file: slower, never wrong.
        }
    }

    /** Size, modification time and file key (device and inode, where there are such). */
    private static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey();
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /** SQLite's quick check: every page of every table and index readable and well-formed. */
    private void check() throws SQLException, Damaged {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new Damaged(result);
            }
        }
    }

    /**
     * Every table and column this version's migrations make must be there: a database that lacks
     * one (a table dropped by hand, a file another program made) would fail every run that reads
     * it, so it counts as damaged. Checked with the quick check, when the file was not closed clean
     * and was not new (a new one's schema is what the migrations just made).
     */
    private void checkSchema() throws SQLException, Damaged {
        Set<String> missing;
        try (Connection fresh = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = fresh.createStatement()) {
                for (List<String> migration : MIGRATIONS) {
                    for (String sql : migration) {
                        s.execute(sql);
                    }
                }
            }
            missing = columns(fresh);
        }
        missing.removeAll(columns(connection));
        if (!missing.isEmpty()) {
            throw new Damaged("schema version " + VERSION + " without " + String.join(", ", missing));
        }
    }

    /** Every column of every table, as {@code table.column}, sorted. */
    private static Set<String> columns(Connection c) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT m.name, p.name FROM"
                + " sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return columns;
    }

    /** {@link Damaged} when SQLite says the file is corrupt or not a database; else a store error. */
    private static StateStoreException damagedOr(Path file, String message, SQLException e) throws Damaged {
        int code = e.getErrorCode() & 0xFF;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            throw new Damaged(String.valueOf(e.getMessage()));
        }
        return new StateStoreException(file, message, e);
    }

    /** Moves a damaged file (and its write-ahead log) aside; returns where it went. */
    private static Path setAside(Path file) throws IOException {
        String suffix = ".damaged-" + System.currentTimeMillis();
        Path aside = file.resolveSibling(file.getFileName() + suffix);
        Files.move(file, aside);
        Path wal = wal(file);
        if (Files.exists(wal)) {
            Files.move(wal, wal.resolveSibling(wal.getFileName() + suffix));
        }
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        return aside;
    }

    /** The file is no usable database: SQLite says it is corrupt, not a database, or fails its check. */
    private static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }

    private void configure() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** Brings the schema to {@link #VERSION}; returns the version the file had (0: a new database). */
    private int migrate() throws SQLException, IOException {
        int version = version();
        if (version > VERSION) {
            throw new StateStoreException(file, "the schema version is " + version + ", newer than this program's "
                    + VERSION + "; use a newer Feedwright or another state.dir", null);
        }
        for (int v = version; v < VERSION; v++) {
            int from = v;
            transaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : MIGRATIONS.get(from)) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + (from + 1));
                }
                return null;
            });
        }
        return version;
    }

    /**
     * Runs {@code work} in one transaction. When it fails, the rollback and the return to
     * autocommit are still tried, and their own failures are added to the first one, never put in
     * its place: after SQLITE_FULL, say, SQLite has already rolled back, and ending the transaction
     * again fails with "no transaction is active", which would hide the full disk.
     */
    private <T> T transaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.apply(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException autocommit) {
                e.addSuppressed(autocommit);
            }
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
    }

    /** The schema version of the open database. */
    public synchronized int version() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Whether opening gave the file SQLite's quick check (it was not marked clean). */
    boolean checked() {
        return checked;
    }

    /** Work with the connection, holding the lock. */
    synchronized <T> T with(SqlWork<T> work) throws StateStoreException {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            failed = true;
            throw new StateStoreException(file, "state database error", e);
        }
    }

    /** Work inside one transaction, holding the lock: all of it is written or none. */
    synchronized <T> T inTransaction(SqlWork<T> work) throws StateStoreException {
        try {
            return transaction(work);
        } catch (SQLException e) {
            failed = true;
            throw new StateStoreException(file, "state database error", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!failed) {
            compactIfMostlyFree();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a connection whose work is committed loses nothing; the next opening checks.
            failed = true;
        }
        if (!failed) {
            failed = true; // closed once: a second close leaves the mark as it is
            markClean();
        }
    }

    /**
     * Gives the file back its free pages when they are at least half of it and
     * {@value #COMPACT_MIN_FREE_BYTES} bytes: SQLite reuses the pages that deleted rows leave, but
     * never shrinks the file itself, so a corpus that shrank for good (a full export after most
     * files left, links forgotten by {@code liveness.forgetAfter}) would keep its largest state
     * file for ever. {@code VACUUM} rewrites the file in one transaction; it waits for no other
     * connection (another run's writes), and when it cannot be done (that, or a full disk) the
     * file is left as it was for the next close to try again.
     */
    private void compactIfMostlyFree() {
        try (Statement s = connection.createStatement()) {
            long pageSize = single(s, "PRAGMA page_size");
            long pages = single(s, "PRAGMA page_count");
            long free = single(s, "PRAGMA freelist_count");
            if (free * 2 < pages || free * pageSize < COMPACT_MIN_FREE_BYTES) {
                return;
            }
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("VACUUM");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            LOG.info("{}: compacted the state database from {} to {} MiB: most of it was the free space rows"
                    + " deleted had left", file, mebibytes(pages * pageSize), mebibytes((pages - free) * pageSize));
        } catch (SQLException e) {
            // Another run writing is no fault (an export while a link check runs): said at INFO,
            // so that a cron job's mail is not about it; anything else (a full disk) is a warning.
            boolean busy = e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY;
            String message = "{}: could not compact the state database ({}); it stays as it is, and the next run"
                    + " tries again";
            if (busy) {
                LOG.info(message, file, e.getMessage());
            } else {
                LOG.warn(message, file, e.getMessage());
            }
        }
    }

    private static long single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
