package dev.feedwright.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The links of the corpus and what checks found about them, in the state database. Nothing here
 * holds more than one page of links in memory: links are added in batches as the corpus is read,
 * the due ones are read back a page at a time, and results are written in batches.
 */
public final class LinkStore {

    /** Links written per transaction when recording a corpus pass. */
    public static final int BATCH = 1000;

    private static final String COLUMNS = "url, host, state, status, detail, moved_to, checked_at, next_check,"
            + " dead_since, dead_last, dead_checks, etag, last_modified, validator_url, shuffle";

    private final StateDb db;

    public LinkStore(StateDb db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A link as read from the corpus, with its host. */
    public record SeenLink(String url, String host) {
    }

    /** Where a page of due links ended; the next page starts after it. */
    public record Cursor(long shuffle, String url) {
        /** Before the first link. */
        public static final Cursor START = new Cursor(Long.MIN_VALUE, "");
    }

    /** A page of due links and the cursor after it. */
    public record Page(List<LinkRow> rows, Cursor next) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Records that the corpus pass {@code stamp} listed these links: new ones are added unchecked,
     * known ones keep what checks found. One transaction for the whole batch.
     */
    public void markSeen(Collection<SeenLink> links, long stamp) throws StateStoreException {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO links (url, host, shuffle, seen_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET seen_at = excluded.seen_at")) {
                for (SeenLink link : links) {
                    s.setString(1, link.url());
                    s.setString(2, link.host());
                    s.setLong(3, shuffle(link.url()));
                    s.setLong(4, stamp);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * Forgets, with all that checks found, every link no corpus pass has listed since
     * {@code before} (epoch milliseconds): links whose articles left the corpus long ago.
     *
     * @return how many links were forgotten
     */
    public int forgetUnseenSince(long before) throws StateStoreException {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM links WHERE seen_at < ?")) {
                s.setLong(1, before);
                return s.executeUpdate();
            }
        });
    }

    /** Links the corpus pass {@code stamp} listed. */
    public long countSeen(long stamp) throws StateStoreException {
        return count("SELECT count(*) FROM links WHERE seen_at = ?", stamp);
    }

    /**
     * How long a result is trusted, per kind of result, as the settings say now (milliseconds).
     *
     * @param alive        an ALIVE link
     * @param unknown      an UNKNOWN or REFUSED link
     * @param dead         a confirmed-dead link
     * @param confirmAfter the least time between a link's first and its confirming DEAD check
     */
    public record Waits(long alive, long unknown, long dead, long confirmAfter) {
    }

    /**
     * Brings forward the next check of every link whose stored time was set with a longer wait than
     * {@code waits} gives: each link's next check becomes the earlier of the stored one and its last
     * check plus the wait its result now gets (a link on its way to being confirmed dead, no later
     * than {@code confirmAfter} after its first DEAD check). An operator who lowers a setting sees
     * the links checked before rechecked by the new one; raising a setting leaves stored times
     * alone. Only the rows that change are written. The waits are those the liveness package's
     * {@code LinkTransitions} gives a new result; a change to them there belongs here too.
     *
     * @return the links brought forward
     */
    public int shortenWaits(Waits waits) throws StateStoreException {
        // ?1 alive, ?2 unknown, ?3 dead, ?4 confirmAfter (SQLite's numbered parameters, each used more than once)
        String confirmed = "(dead_checks >= 2 AND dead_last - dead_since >= ?4)";
        String wait = "min(CASE"
                + " WHEN state = 'ALIVE' THEN checked_at + ?1"
                + " WHEN state IN ('UNKNOWN', 'REFUSED') THEN checked_at + ?2"
                + " WHEN state = 'DEAD' AND " + confirmed + " THEN checked_at + ?3"
                + " ELSE next_check END,"
                + " CASE WHEN dead_checks > 0 AND NOT " + confirmed
                + " THEN max(dead_since + ?4, checked_at + 1) ELSE next_check END)";
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE links SET next_check = " + wait
                    + " WHERE checked_at > 0 AND next_check > " + wait)) {
                s.setLong(1, waits.alive());
                s.setLong(2, waits.unknown());
                s.setLong(3, waits.dead());
                s.setLong(4, waits.confirmAfter());
                return s.executeUpdate();
            }
        });
    }

    /** Links the corpus pass {@code stamp} listed that are due at {@code now}. */
    public long countDue(long stamp, long now) throws StateStoreException {
        return count("SELECT count(*) FROM links WHERE seen_at = ? AND next_check <= ?", stamp, now);
    }

    /**
     * The next page of links listed by pass {@code stamp} and due at {@code now}, in a fixed
     * pseudo-random order (a hash of the address) so that one host's links are spread over the run
     * rather than checked back to back.
     */
    public Page due(long stamp, long now, Cursor after, int limit) throws StateStoreException {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM links"
                    + " WHERE seen_at = ? AND next_check <= ? AND (shuffle > ? OR (shuffle = ? AND url > ?))"
                    + " ORDER BY shuffle, url LIMIT ?")) {
                s.setLong(1, stamp);
                s.setLong(2, now);
                s.setLong(3, after.shuffle());
                s.setLong(4, after.shuffle());
                s.setString(5, after.url());
                s.setInt(6, limit);
                List<LinkRow> rows = new ArrayList<>(limit);
                Cursor next = after;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                        next = new Cursor(rs.getLong(15), rs.getString(1));
                    }
                }
                return new Page(rows, next);
            }
        });
    }

    /** One link, or null when the store does not know it. */
    public LinkRow find(String url) throws StateStoreException {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM links WHERE url = ?")) {
                s.setString(1, url);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }
        });
    }

    /** Writes check results, all in one transaction. Links the store does not know are ignored. */
    public void save(Collection<LinkRow> rows) throws StateStoreException {
        if (rows.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE links SET state = ?, status = ?, detail = ?,"
                    + " moved_to = ?, checked_at = ?, next_check = ?, dead_since = ?, dead_last = ?, dead_checks = ?,"
                    + " etag = ?, last_modified = ?, validator_url = ? WHERE url = ?")) {
                for (LinkRow row : rows) {
                    setNullable(s, 1, row.state() == null ? null : row.state().name());
                    s.setInt(2, row.status());
                    setNullable(s, 3, row.detail());
                    setNullable(s, 4, row.movedTo());
                    s.setLong(5, row.checkedAt());
                    s.setLong(6, row.nextCheck());
                    s.setLong(7, row.deadSince());
                    s.setLong(8, row.deadLast());
                    s.setInt(9, row.deadChecks());
                    setNullable(s, 10, row.etag());
                    setNullable(s, 11, row.lastModified());
                    setNullable(s, 12, row.validatorUrl());
                    s.setString(13, row.url());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Receives the links whose verdict differs from "stands as read". */
    @FunctionalInterface
    public interface VerdictSink {
        /** @param movedTo where the link permanently moved, or null; {@code dead} when confirmed dead */
        void accept(String url, String movedTo, boolean dead);
    }

    /**
     * Streams every link listed by pass {@code stamp} (any pass when {@code stamp} is 0) that is
     * confirmed dead or has permanently moved: the only links an export needs to know about.
     */
    public void forEachVerdict(long stamp, long confirmAfterMillis, VerdictSink sink) throws StateStoreException {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT url, moved_to, dead_since, dead_last, dead_checks"
                    + " FROM links WHERE (moved_to IS NOT NULL OR dead_checks >= 2) AND (? = 0 OR seen_at = ?)")) {
                s.setLong(1, stamp);
                s.setLong(2, stamp);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean dead = rs.getInt(5) >= 2 && rs.getLong(4) - rs.getLong(3) >= confirmAfterMillis;
                        String movedTo = rs.getString(2);
                        if (dead || movedTo != null) {
                            sink.accept(rs.getString(1), movedTo, dead);
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Per-host counts of checks that ended at or after {@code since}. */
    public record HostTally(String host, int dead, int unknown, int refused, int checked) {
    }

    /** The hosts with the most DEAD, UNKNOWN and REFUSED results among checks since {@code since}, worst first. */
    public List<HostTally> worstHosts(long since, int limit) throws StateStoreException {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT host,"
                    + " sum(state = 'DEAD'), sum(state = 'UNKNOWN'), sum(state = 'REFUSED'), count(*)"
                    + " FROM links WHERE checked_at >= ? GROUP BY host"
                    + " HAVING sum(state <> 'ALIVE') > 0"
                    + " ORDER BY sum(state <> 'ALIVE') DESC, host LIMIT ?")) {
                s.setLong(1, since);
                s.setInt(2, limit);
                List<HostTally> hosts = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        hosts.add(new HostTally(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                    }
                }
                return hosts;
            }
        });
    }

    private long count(String sql, long... args) throws StateStoreException {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setLong(i + 1, args[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private static LinkRow row(ResultSet rs) throws SQLException {
        String state = rs.getString(3);
        return new LinkRow(rs.getString(1), rs.getString(2), state == null ? null : LinkState.valueOf(state),
                rs.getInt(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10), rs.getInt(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    /** A stable 64-bit hash of the address (FNV-1a, then MurmurHash3's finaliser), used only to order checks. */
    static long shuffle(String url) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < url.length(); i++) {
            hash ^= url.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }
}
