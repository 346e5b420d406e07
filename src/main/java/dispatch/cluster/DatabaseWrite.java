package dispatch.cluster;

import dispatch.catalog.FeedSource.FeedWrite;
import dispatch.catalog.FeedSource.UnavailableException;
import dispatch.catalog.LiveCatalog;
import dispatch.cluster.FeedTables.FeedRow;
import dispatch.cluster.FeedTables.StoredFile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One write to one feed in a cluster: a transaction holding the feed's lock (so that
 * preconditions hold across replicas), which first brings the mirror's folder up to what is
 * committed, lets the caller change the folder, then, on {@link #commit}, stores the difference
 * with the next version, renders the feed inside the transaction (so that the validators and
 * history the render keeps are committed with the files, once, for every replica to copy), and
 * announces it. Not committed, the folder is put back as it was.
 */
final class DatabaseWrite implements FeedWrite {

    private static final Logger LOG = Logger.getLogger(DatabaseWrite.class);

    private final Connection connection;
    private final Mirror mirror;
    private final DatabaseFiles state;
    private final String feed;
    private final Optional<FeedRow> before;
    private final Consumer<String> changed;
    private final Supplier<LiveCatalog> catalog;
    private final ReentrantLock lock;
    private boolean forced;
    private boolean done;

    /**
     * Starts a write to {@code feed}, whose kept state is written through {@code state};
     * {@code changed} is told when the mirror's folder of the feed changed under the write (this
     * replica was behind, or the write was undone); {@code catalog} (null before it follows)
     * holds back the change events of the render until the commit.
     */
    DatabaseWrite(DataSource database, Mirror mirror, DatabaseFiles state, String feed, Consumer<String> changed,
            Supplier<LiveCatalog> catalog) throws IOException {
        this.catalog = catalog;
        this.mirror = mirror;
        this.state = state;
        this.feed = feed;
        this.changed = changed;
        this.lock = mirror.lock(feed);
        Connection c = null;
        boolean locked = false;
        try {
            c = database.getConnection();
            c.setAutoCommit(false);
            FeedTables.lock(c, feed); // the database's lock first: waiting for another replica holds no lock of this one
            lock.lock(); // then no copy of the feed by the follower while the caller changes its folder
            locked = true;
            this.before = FeedTables.feed(c, feed);
            this.connection = c;
            if (mirror.copy(feed, before)) {
                changed.accept(feed);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            rollback(c);
            close(c);
            if (locked) {
                lock.unlock();
            }
            if (e instanceof SQLException) {
                throw new UnavailableException("cannot start a write to feed " + feed + ": " + e.getMessage(), e);
            }
            throw e instanceof IOException io ? io : new IOException("cannot start a write to feed " + feed + ": " + e, e);
        }
    }

    /** Commits a new version even when no file changed: the feed is rendered again at the new commit time. */
    void touch() {
        forced = true;
    }

    @Override
    public void commit(Runnable render) throws IOException {
        Map<String, byte[]> now = mirror.files(feed);
        Map<String, StoredFile> was = before.map(FeedRow::files).orElse(Map.of());
        List<String> put = now.entrySet().stream()
                .filter(f -> !was.containsKey(f.getKey()) || !Arrays.equals(was.get(f.getKey()).body(), f.getValue()))
                .map(Map.Entry::getKey).toList();
        List<String> removed = was.keySet().stream().filter(name -> !now.containsKey(name)).toList();
        boolean any = !put.isEmpty() || !removed.isEmpty() || forced && before.isPresent();
        LiveCatalog live = catalog.get();
        if (live != null) {
            live.holdChanges(); // the hub and the others hear of the change once it is committed
        }
        try {
            if (any) {
                long version = -1;
                if (!now.containsKey("feed.yaml")) {
                    FeedTables.drop(connection, feed); // no feed without its feed.yaml: its files and state go too
                    mirror.copy(feed, Optional.empty());
                } else {
                    Timestamp at = FeedTables.changeTime(connection, feed);
                    version = FeedTables.touch(connection, feed, at); // first: the files refer to the feed's row
                    Map<String, byte[]> bodies = new LinkedHashMap<>();
                    put.forEach(name -> bodies.put(name, now.get(name)));
                    FeedTables.put(connection, feed, bodies, at);
                    for (String name : removed) {
                        FeedTables.remove(connection, feed, name);
                    }
                    Map<String, Instant> times = new HashMap<>();
                    now.keySet().forEach(name -> times.put(name, put.contains(name) ? at.toInstant() : was.get(name).committedAt()));
                    mirror.committed(feed, version, at.toInstant(), times); // the version and times every replica copies
                }
                state.within(connection, () -> {
                    render.run();
                    if (now.containsKey("feed.yaml")) {
                        state.commitFollowed(feed);
                    }
                });
                FeedTables.announce(connection, feed, version);
            }
            connection.commit();
            done = true;
        } catch (SQLException e) {
            throw new UnavailableException("cannot commit the write to feed " + feed + ": " + e.getMessage(), e);
        } finally {
            if (live != null) {
                live.releaseChanges(done);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (!done) {
                rollback(connection);
                mirror.forget(feed); // whatever happens below, the next catch-up copies the feed again
                if (mirror.copy(feed, before)) {
                    changed.accept(feed);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot undo an uncommitted write to feed %s: %s (the next catch-up copies it again)", feed, e.getMessage());
        } finally {
            close(connection);
            lock.unlock();
        }
    }

    private static void rollback(Connection c) {
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException e) {
                LOG.debugf("Rolling back: %s", e.getMessage());
            }
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
