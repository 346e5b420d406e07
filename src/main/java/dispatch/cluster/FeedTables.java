package dispatch.cluster;

import dispatch.catalog.HistoryStore;
import dispatch.catalog.ValidatorStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SQL of the {@code feed} and {@code feed_file} tables (V1__cluster.sql), on a connection the caller owns. */
final class FeedTables {

    /** The channel every committed change is announced on, the payload the feed's name and its new version ({@code world 42}; the name alone for a deletion). */
    static final String CHANNEL = "dispatch_feeds";

    /** One file as committed. */
    record StoredFile(byte[] body, Instant committedAt) {
    }

    /**
     * A feed as committed: its version, when it changed, its files by name, and what its last
     * render kept ({@link #FOLLOWED} kinds of {@code feed_state}) by kind.
     */
    record FeedRow(String name, long version, Instant changedAt, Map<String, StoredFile> files, Map<String, byte[]> state) {
    }

    /** The kinds of {@code feed_state} committed with each change, by the replica that made it, and copied with the files. */
    static final List<String> FOLLOWED = List.of(ValidatorStore.KIND, HistoryStore.KIND);

    private FeedTables() {
    }

    /** Every feed's version. */
    static Map<String, Long> versions(Connection c) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select name, version from feed"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                versions.put(r.getString(1), r.getLong(2));
            }
        }
        return versions;
    }

    /** Feed {@code name} as committed, or empty when there is none. Call it in a transaction for a consistent read. */
    static Optional<FeedRow> feed(Connection c, String name) throws SQLException {
        long version;
        Instant changedAt;
        try (PreparedStatement s = c.prepareStatement("select version, changed_at from feed where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                version = r.getLong(1);
                changedAt = r.getTimestamp(2).toInstant();
            }
        }
        Map<String, StoredFile> files = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("select name, body, committed_at from feed_file where feed = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.put(r.getString(1), new StoredFile(r.getBytes(2), r.getTimestamp(3).toInstant()));
                }
            }
        }
        Map<String, byte[]> state = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("select kind, body from feed_state where feed = ? and kind = any (?)")) {
            s.setString(1, name);
            s.setArray(2, c.createArrayOf("text", FOLLOWED.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    state.put(r.getString(1), r.getBytes(2));
                }
            }
        }
        return Optional.of(new FeedRow(name, version, changedAt, files, state));
    }

    /**
     * Takes the lock of feed {@code name} until the transaction ends: writes to one feed are made
     * one at a time. Waits at most 10 s for another replica's write (then an SQLException).
     */
    static void lock(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local lock_timeout = '10s'");
        }
        run(c, "select pg_advisory_xact_lock(hashtext(?))", "dispatch.feed/" + name);
    }

    /**
     * The time of a change to feed {@code name} being committed: now, read after the feed's lock
     * was taken, and always later than its last change, so that versions are in time order.
     */
    static Timestamp changeTime(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select greatest(clock_timestamp(), "
                + "(select changed_at + interval '1 millisecond' from feed where name = ?))")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getTimestamp(1);
            }
        }
    }

    /** Gives feed {@code name} the next version, changed {@code at}, creating its row; returns the version. */
    static long touch(Connection c, String name, Timestamp at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into feed (name, version, changed_at) values (?, nextval('feed_version'), ?) "
                + "on conflict (name) do update set version = excluded.version, changed_at = excluded.changed_at returning version")) {
            s.setString(1, name);
            s.setTimestamp(2, at);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Stores each of {@code files} (bodies by name) as a file of feed {@code name}, committed {@code at}, in one batch. */
    static void put(Connection c, String name, Map<String, byte[]> files, Timestamp at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into feed_file (feed, name, body, committed_at) values (?, ?, ?, ?) "
                + "on conflict (feed, name) do update set body = excluded.body, committed_at = excluded.committed_at")) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                s.setString(1, name);
                s.setString(2, file.getKey());
                s.setBytes(3, file.getValue());
                s.setTimestamp(4, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Deletes file {@code file} of feed {@code name}. */
    static void remove(Connection c, String name, String file) throws SQLException {
        run(c, "delete from feed_file where feed = ? and name = ?", name, file);
    }

    /** Deletes feed {@code name}, its files and its state. */
    static void drop(Connection c, String name) throws SQLException {
        run(c, "delete from feed where name = ?", name);
        run(c, "delete from feed_state where feed = ?", name);
    }

    /** Keeps {@code body} as the state of {@code kind} of feed {@code feed}. */
    static void putState(Connection c, String kind, String feed, byte[] body) throws SQLException {
        run(c, "insert into feed_state (kind, feed, body) values (?, ?, ?) on conflict (kind, feed) do update set body = excluded.body",
                kind, feed, body);
    }

    /** The state of {@code kind} of feed {@code feed}, if any. */
    static Optional<byte[]> state(Connection c, String kind, String feed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select body from feed_state where kind = ? and feed = ?")) {
            s.setString(1, kind);
            s.setString(2, feed);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Forgets the state of {@code kind} of feed {@code feed}. */
    static void removeState(Connection c, String kind, String feed) throws SQLException {
        run(c, "delete from feed_state where kind = ? and feed = ?", kind, feed);
    }

    /** Tells every replica, when the transaction commits, that feed {@code name} changed to {@code version} (-1: it was deleted). */
    static void announce(Connection c, String name, long version) throws SQLException {
        run(c, "select pg_notify(?, ?)", CHANNEL, version < 0 ? name : name + " " + version);
    }

    /** Runs {@code sql} with {@code values} as its parameters, in order. */
    private static void run(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.execute();
        }
    }
}
