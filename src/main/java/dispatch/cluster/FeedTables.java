package dispatch.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SQL of the {@code feed} and {@code feed_file} tables (V1__cluster.sql), on a connection the caller owns. */
final class FeedTables {

    /** The channel every committed change is announced on, with the feed's name as payload. */
    static final String CHANNEL = "dispatch_feeds";

    /** One file as committed. */
    record StoredFile(byte[] body, Instant committedAt) {
    }

    /** A feed as committed: its version, when it changed, and its files by name. */
    record FeedRow(String name, long version, Instant changedAt, Map<String, StoredFile> files) {
    }

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
        return Optional.of(new FeedRow(name, version, changedAt, files));
    }

    /** Takes the lock of feed {@code name} until the transaction ends: writes to one feed are made one at a time. */
    static void lock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "dispatch.feed/" + name);
            s.execute();
        }
    }

    /** The transaction's time: what every row it writes is committed at. */
    static Instant now(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select now()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }

    /** Gives feed {@code name} the next version, changed at the transaction's time, creating its row; returns the version. */
    static long touch(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into feed (name, version, changed_at) values (?, nextval('feed_version'), now()) "
                + "on conflict (name) do update set version = excluded.version, changed_at = excluded.changed_at returning version")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Stores {@code body} as file {@code file} of feed {@code name}, committed at the transaction's time. */
    static void put(Connection c, String name, String file, byte[] body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into feed_file (feed, name, body, committed_at) values (?, ?, ?, now()) "
                + "on conflict (feed, name) do update set body = excluded.body, committed_at = excluded.committed_at")) {
            s.setString(1, name);
            s.setString(2, file);
            s.setBytes(3, body);
            s.executeUpdate();
        }
    }

    /** Deletes file {@code file} of feed {@code name}. */
    static void remove(Connection c, String name, String file) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from feed_file where feed = ? and name = ?")) {
            s.setString(1, name);
            s.setString(2, file);
            s.executeUpdate();
        }
    }

    /** Deletes feed {@code name} and its files. */
    static void drop(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from feed where name = ?")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    /** Tells every replica, when the transaction commits, that feed {@code name} changed. */
    static void announce(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, name);
            s.execute();
        }
    }
}
