package dispatch.cluster;

import dispatch.files.KeptFiles;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * {@link KeptFiles} every replica shares, in the {@code feed_state} table, with a copy in this
 * replica's data folder: without the database, a replica reads its own copy, so that a restart
 * during an outage still serves the validators it served before.
 */
final class DatabaseFiles implements KeptFiles {

    private final DataSource database;
    private final KeptFiles local;
    private final BooleanSupplier reachable;

    /** Documents in {@code database}, copied to {@code local}; while not {@code reachable}, only the copy is read. */
    DatabaseFiles(DataSource database, KeptFiles local, BooleanSupplier reachable) {
        this.database = database;
        this.local = local;
        this.reachable = reachable;
    }

    @Override
    public Optional<byte[]> read(String kind, String feed, long maxBytes) throws IOException {
        if (!reachable.getAsBoolean()) {
            return local.read(kind, feed, maxBytes);
        }
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("select body from feed_state where kind = ? and feed = ?")) {
            s.setString(1, kind);
            s.setString(2, feed);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return local.read(kind, feed, maxBytes);
        }
    }

    @Override
    public void write(String kind, String feed, byte[] bytes) throws IOException {
        local.write(kind, feed, bytes);
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into feed_state (kind, feed, body) values (?, ?, ?) on conflict (kind, feed) do update set body = excluded.body")) {
            s.setString(1, kind);
            s.setString(2, feed);
            s.setBytes(3, bytes);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("the database cannot be reached (" + e.getMessage() + "); kept in " + local.where(kind, feed) + " only", e);
        }
    }

    @Override
    public void delete(String kind, String feed) throws IOException {
        local.delete(kind, feed);
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("delete from feed_state where kind = ? and feed = ?")) {
            s.setString(1, kind);
            s.setString(2, feed);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("the database cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Copies each of {@code kinds} kept in this replica's data folder for {@code feed} into the
     * database, where it has none: a single node's validators and history, moving into a cluster.
     *
     * @return how many were copied
     */
    int importLocal(String feed, List<String> kinds) throws IOException {
        int copied = 0;
        for (String kind : kinds) {
            Optional<byte[]> bytes = local.read(kind, feed, 256L * 1024 * 1024);
            if (bytes.isEmpty()) {
                continue;
            }
            try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into feed_state (kind, feed, body) values (?, ?, ?) on conflict (kind, feed) do nothing")) {
                s.setString(1, kind);
                s.setString(2, feed);
                s.setBytes(3, bytes.get());
                copied += s.executeUpdate();
            } catch (SQLException e) {
                throw new dispatch.catalog.FeedSource.UnavailableException("cannot import the " + kind + " of feed " + feed + ": " + e.getMessage(), e);
            }
        }
        return copied;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String where(String kind, String feed) {
        return "feed_state (" + kind + ", " + feed + ")";
    }
}
