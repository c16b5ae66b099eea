package dev.feedwright.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.feedwright.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StateDbTest {

    @TempDir
    Path temp;

    /** What the state database logged at the last close {@link #sizeBeforeForgetting} made. */
    private List<ILoggingEvent> closeLog = List.of();

    private static String pragma(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void createsTheFolderAndAVersionedSchemaInWalMode() throws Exception {
        Path dir = temp.resolve("state/nested");

        try (StateDb db = StateDb.open(dir)) {
            assertThat(db.version()).isEqualTo(StateDb.VERSION);
            assertThat(db.file()).isEqualTo(dir.resolve("feedwright.db"));
        }

        Path file = dir.resolve("feedwright.db");
        assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(file, "user_version")).isEqualTo(String.valueOf(StateDb.VERSION));
    }

    @Test
    void keepsWhatWasWrittenAcrossReopening() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            new LinkStore(db).markSeen(List.of(new LinkStore.SeenLink("https://a.example/1", "a.example")), 7);
        }

        try (StateDb db = StateDb.open(temp)) {
            assertThat(new LinkStore(db).find("https://a.example/1")).isEqualTo(
                    LinkRow.unchecked("https://a.example/1", "a.example"));
            assertThat(new LinkStore(db).countSeen(7)).isEqualTo(1);
        }
    }

    /** A transaction that fails leaves nothing of what it wrote, and the next one is written. */
    @Test
    void aFailedTransactionWritesNothingAndTheNextOneIsKept() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            db.with(c -> c.createStatement().executeUpdate("CREATE TABLE scratch (x INTEGER)"));
            StateDb.SqlWork<Integer> insertOne = c -> c.createStatement().executeUpdate("INSERT INTO scratch VALUES (1)");

            assertThatThrownBy(() -> db.inTransaction(c -> {
                insertOne.apply(c);
                throw new IllegalStateException("the work failed");
            })).hasMessage("the work failed");
            assertThatThrownBy(() -> db.inTransaction(c -> {
                insertOne.apply(c);
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            })).isInstanceOf(StateStoreException.class).hasMessageContaining("state database error");
            assertThat(count(db)).isZero();

            int inserted = db.inTransaction(c -> insertOne.apply(c) + 41);
            assertThat(inserted).isEqualTo(42);
        }
        try (StateDb db = StateDb.open(temp)) {
            assertThat(count(db)).isEqualTo(1);
        }
    }

    private static int count(StateDb db) throws StateStoreException {
        return db.with(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM scratch")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        StateDb.open(temp).close(); // created at the current version
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("feedwright.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (StateDb.VERSION + 1));
        }

        assertThatThrownBy(() -> StateDb.open(temp)).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("feedwright.db")
                .hasMessageContaining("newer than this program's " + StateDb.VERSION);
    }

    @Test
    void setsAsideAFileThatIsNotADatabaseAndStartsANewOne() throws Exception {
        java.nio.file.Files.writeString(temp.resolve("feedwright.db"), "not sqlite at all, just some text\n".repeat(50));

        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.version()).isEqualTo(StateDb.VERSION);
        }

        assertThat(damagedCopies()).singleElement().satisfies(aside -> assertThat(aside)
                .hasContent("not sqlite at all, just some text\n".repeat(50).strip()));
    }

    @Test
    void setsAsideADatabaseTruncatedToHalfAndStartsANewOne() throws Exception {
        Path file = databaseOfManyLinks();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        try (StateDb db = StateDb.open(temp)) {
            assertThat(new LinkStore(db).countSeen(7)).isZero();
            assertThat(db.version()).isEqualTo(StateDb.VERSION);
        }
        assertThat(damagedCopies()).hasSize(1);
    }

    @Test
    void setsAsideADatabaseThatLacksATableOfItsVersionAndStartsANewOne() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            new LinkStore(db).markSeen(List.of(new LinkStore.SeenLink("https://a.example/1", "a.example")), 7);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("feedwright.db"));
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE export_feeds");
            s.execute("ALTER TABLE corpus_files DROP COLUMN skip_reason");
        }

        try (StateDb db = StateDb.open(temp)) {
            assertThat(new ExportStore(db).feeds()).isEmpty();
            assertThat(new LinkStore(db).countSeen(7)).isZero();
        }
        assertThat(damagedCopies()).hasSize(1);
    }

    @Test
    void aDatabaseClosedCleanlyIsNotCheckedAgainUntilItChanges() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.checked()).isTrue(); // a new file: no mark yet
            new LinkStore(db).markSeen(List.of(new LinkStore.SeenLink("https://a.example/1", "a.example")), 7);
        }
        assertThat(temp.resolve(StateDb.CLEAN_MARK)).exists();

        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.checked()).isFalse();
            assertThat(temp.resolve(StateDb.CLEAN_MARK)).doesNotExist(); // a crash now leaves none
            assertThat(new LinkStore(db).countSeen(7)).isEqualTo(1);
        }
        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.checked()).isFalse();
        }
    }

    @Test
    void aPageDamagedInPlaceAfterACleanCloseIsFoundAndSetAside() throws Exception {
        Path file = databaseOfManyLinks();
        long size = java.nio.file.Files.size(file);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            byte[] garbage = new byte[4096];
            java.util.Arrays.fill(garbage, (byte) 0xA5);
            channel.write(java.nio.ByteBuffer.wrap(garbage), size / 2 / 4096 * 4096);
        }
        assertThat(java.nio.file.Files.size(file)).isEqualTo(size);

        try (StateDb db = StateDb.open(temp)) {
            assertThat(new LinkStore(db).countSeen(7)).isZero();
        }
        assertThat(damagedCopies()).hasSize(1);
    }

    @Test
    void aConnectionThatSawAnErrorLeavesNoCleanMark() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            assertThatThrownBy(() -> db.with(c -> c.createStatement().execute("SELECT * FROM no_such_table")))
                    .isInstanceOf(StateStoreException.class);
        }
        assertThat(temp.resolve(StateDb.CLEAN_MARK)).doesNotExist();
        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.checked()).isTrue();
        }
    }

    @Test
    void onlyTheLastOfTwoConnectionsToCloseLeavesACleanMark() throws Exception {
        StateDb.open(temp).close();
        StateDb first = StateDb.open(temp);
        StateDb second = StateDb.open(temp);
        assertThat(second.checked()).isTrue(); // the first took the mark away
        new LinkStore(second).markSeen(List.of(new LinkStore.SeenLink("https://a.example/1", "a.example")), 7);
        first.close();
        assertThat(temp.resolve(StateDb.CLEAN_MARK)).doesNotExist(); // the second still writes to the log
        second.close();
        assertThat(temp.resolve(StateDb.CLEAN_MARK)).exists();

        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.checked()).isFalse();
            assertThat(new LinkStore(db).countSeen(7)).isEqualTo(1);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskIsNamedAsSuchWhenOpeningAndInATransactionAndTheConnectionGoesOnOnceThereIsRoom()
            throws Exception {
        // SQLite's driver copies its native library into the first state folder opened in this JVM:
        // not onto the full disk, where that fails, and so does every later test of the class.
        StateDb.open(temp.resolve("library")).close();
        SmallDisk disk = SmallDisk.mount(temp.resolve("small"), "2m");
        assumeThat(disk).as("a tmpfs can be mounted here").isNotNull();
        try (disk) {
            Path filler = disk.fill(0);
            // SQLite rolls back by itself after SQLITE_FULL; ending the transaction again failed
            // with "cannot commit - no transaction is active", which hid the full disk.
            assertThatThrownBy(() -> StateDb.open(disk.dir().resolve("state")))
                    .isInstanceOf(StateStoreException.class).hasMessageContaining("disk is full");
            Files.delete(filler);
            Files.delete(disk.dir().resolve("state/feedwright.db"));

            try (StateDb db = StateDb.open(disk.dir().resolve("state"))) {
                filler = disk.fill(0);
                List<LinkStore.SeenLink> links = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    links.add(new LinkStore.SeenLink("https://a.example/" + i, "a.example"));
                }
                LinkStore store = new LinkStore(db);
                assertThatThrownBy(() -> store.markSeen(links, 7))
                        .isInstanceOf(StateStoreException.class).hasMessageContaining("disk is full");
                assertThat(store.countSeen(7)).isZero();

                Files.delete(filler);
                store.markSeen(links, 7);
                assertThat(store.countSeen(7)).isEqualTo(5_000);
            }
        }
    }

    /** A database of 5,000 links, closed cleanly: large enough to span many pages. */
    private Path databaseOfManyLinks() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            List<LinkStore.SeenLink> links = new java.util.ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                links.add(new LinkStore.SeenLink("https://a.example/" + i, "a.example"));
            }
            new LinkStore(db).markSeen(links, 7);
        }
        return temp.resolve("feedwright.db");
    }

    private List<Path> damagedCopies() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("feedwright.db.damaged-")
                    && !f.getFileName().toString().contains("-wal")).toList();
        }
    }

    /** Writes {@code count} links seen at {@code stamp}, about 1 KiB each with their index. */
    private static void seeManyLinks(StateDb db, int count, long stamp) throws Exception {
        List<LinkStore.SeenLink> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(new LinkStore.SeenLink("https://a.example/" + stamp + "/" + i + "/" + "x".repeat(400),
                    "a.example"));
        }
        new LinkStore(db).markSeen(links, stamp);
    }

    /**
     * Writes {@code forgotten} links seen at 1 and {@code kept} seen at 2, closes, then forgets
     * those seen before 2 and closes again; returns the file's size between the two.
     */
    private long sizeBeforeForgetting(int forgotten, int kept) throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            seeManyLinks(db, forgotten, 1);
            seeManyLinks(db, kept, 2);
        }
        long size = Files.size(temp.resolve(StateDb.FILE_NAME));
        closeLog = stateDbLog(() -> {
            try (StateDb db = StateDb.open(temp)) {
                assertThat(new LinkStore(db).forgetUnseenSince(2)).isEqualTo(forgotten);
            }
        });
        return size;
    }

    /** What {@link StateDb} logged while {@code action} ran, its logger at INFO whatever it was at. */
    private static List<ILoggingEvent> stateDbLog(Action action) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(StateDb.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
        try {
            action.run();
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
        return log.list;
    }

    private interface Action {
        void run() throws Exception;
    }

    /**
     * SQLite never shrinks its file on its own: a state whose corpus shrank for good kept its
     * largest size. A close that finds at least half of the file free gives that space back,
     * keeping every row.
     */
    @Test
    void aCloseGivesBackTheSpaceOfRowsDeletedWhenItIsMostOfTheFile() throws Exception {
        Path file = temp.resolve(StateDb.FILE_NAME);

        long full = sizeBeforeForgetting(25_000, 10);

        assertThat(full).isGreaterThan(3 * StateDb.COMPACT_MIN_FREE_BYTES);
        assertThat(Files.size(file)).isLessThan(full / 20);
        assertThat(closeLog).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo(file + ": compacted the state database from "
                    + String.format(Locale.ROOT, "%.1f", full / (1024.0 * 1024.0))
                    + " to 0.1 MiB: most of it was the free space rows deleted had left");
        });
        assertThat(Files.exists(temp.resolve(StateDb.FILE_NAME + "-wal"))).isFalse();
        try (StateDb db = StateDb.open(temp)) {
            assertThat(db.checked()).as("the compacted file is marked clean").isFalse();
            assertThat(new LinkStore(db).countSeen(2)).isEqualTo(10);
            assertThat(new LinkStore(db).countSeen(1)).isZero();
        }
    }

    @Test
    void aCloseLeavesTheFileAsItIsWhenLessThanHalfOfItIsFree() throws Exception {
        long full = sizeBeforeForgetting(15_000, 25_000);

        assertThat(Files.size(temp.resolve(StateDb.FILE_NAME))).isEqualTo(full);
        assertThat(closeLog).isEmpty();
    }

    /** Another connection writing: the compaction waits for nothing, and the next close does it. */
    @Test
    void aCompactionThatCannotBeDoneNowIsLeftToTheNextClose() throws Exception {
        Path file = temp.resolve(StateDb.FILE_NAME);
        try (StateDb db = StateDb.open(temp)) {
            seeManyLinks(db, 25_000, 1);
        }
        long full = Files.size(file);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = other.createStatement()) {
            List<ILoggingEvent> log = stateDbLog(() -> {
                try (StateDb db = StateDb.open(temp)) {
                    new LinkStore(db).forgetUnseenSince(2);
                    s.execute("BEGIN IMMEDIATE");
                    long started = System.nanoTime();
                    db.close();
                    assertThat(System.nanoTime() - started).as("no wait for the other writer")
                            .isLessThan(10_000_000_000L);
                }
            });
            s.execute("ROLLBACK");
            // Another run writing is no fault: not a warning, which a cron job would mail.
            assertThat(log).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).contains("could not compact the state database",
                        "SQLITE_BUSY", "the next run tries again");
            });
        }
        assertThat(Files.size(file)).isEqualTo(full);

        try (StateDb db = StateDb.open(temp)) {
            assertThat(new LinkStore(db).countSeen(1)).isZero();
        }

        assertThat(Files.size(file)).isLessThan(full / 20);
    }
}
