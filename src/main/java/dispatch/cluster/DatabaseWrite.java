package dispatch.cluster;

import dispatch.catalog.FeedSource.FeedWrite;
import dispatch.catalog.FeedSource.UnavailableException;
import dispatch.cluster.FeedTables.FeedRow;
import dispatch.cluster.FeedTables.StoredFile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One write to one feed in a cluster: a transaction holding the feed's lock (so that
 * preconditions hold across replicas), which first brings the mirror's folder up to what is
 * committed, lets the caller change the folder, then commits the difference, with the next
 * version, and announces it. Not committed, the folder is put back as it was.
 */
final class DatabaseWrite implements FeedWrite {

    private static final Logger LOG = Logger.getLogger(DatabaseWrite.class);

    private final Connection connection;
    private final Mirror mirror;
    private final String feed;
    private final Optional<FeedRow> before;
    private final Consumer<String> changed;
    private final ReentrantLock lock;
    private boolean done;

    /**
     * Starts a write to {@code feed}; {@code changed} is told when the mirror's folder of the
     * feed changed under the write (this replica was behind, or the write was undone).
     */
    DatabaseWrite(DataSource database, Mirror mirror, String feed, Consumer<String> changed) throws IOException {
        this.mirror = mirror;
        this.feed = feed;
        this.changed = changed;
        this.lock = mirror.lock(feed); // no copy of the feed by the follower while the caller changes its folder
        lock.lock();
        Connection c = null;
        try {
            c = database.getConnection();
            c.setAutoCommit(false);
            FeedTables.lock(c, feed);
            this.before = FeedTables.feed(c, feed);
            this.connection = c;
        } catch (SQLException e) {
            close(c);
            lock.unlock();
            throw new UnavailableException("cannot start a write to feed " + feed + ": " + e.getMessage(), e);
        }
        if (mirror.copy(feed, before)) {
            changed.accept(feed);
        }
    }

    @Override
    public void commit() throws IOException {
        Map<String, byte[]> now = mirror.files(feed);
        Map<String, StoredFile> was = before.map(FeedRow::files).orElse(Map.of());
        try {
            boolean any = false;
            if (!now.containsKey("feed.yaml")) {
                if (before.isPresent()) {
                    FeedTables.drop(connection, feed); // no feed without its feed.yaml: its files go too
                    any = true;
                }
            } else {
                List<String> put = now.entrySet().stream()
                        .filter(f -> !was.containsKey(f.getKey()) || !Arrays.equals(was.get(f.getKey()).body(), f.getValue()))
                        .map(Map.Entry::getKey).toList();
                List<String> removed = was.keySet().stream().filter(name -> !now.containsKey(name)).toList();
                any = !put.isEmpty() || !removed.isEmpty();
                if (any) {
                    FeedTables.touch(connection, feed); // first: the files refer to the feed's row
                }
                for (String name : put) {
                    FeedTables.put(connection, feed, name, now.get(name));
                }
                for (String name : removed) {
                    FeedTables.remove(connection, feed, name);
                }
            }
            if (any) {
                FeedTables.announce(connection, feed);
            }
            Optional<FeedRow> after = any ? FeedTables.feed(connection, feed) : before;
            connection.commit();
            done = true;
            mirror.copy(feed, after); // the commit times and version, as every replica copies them
        } catch (SQLException e) {
            throw new UnavailableException("cannot commit the write to feed " + feed + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (!done) {
                connection.rollback();
                if (mirror.copy(feed, before)) {
                    changed.accept(feed);
                }
            }
        } catch (SQLException | IOException e) {
            LOG.warnf("Cannot undo an uncommitted write to feed %s: %s (the next catch-up puts it right)", feed, e.getMessage());
        } finally {
            close(connection);
            lock.unlock();
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("Closing a connection: %s", e.getMessage());
            }
        }
    }
}
