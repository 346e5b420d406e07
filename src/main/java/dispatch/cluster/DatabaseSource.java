package dispatch.cluster;

import dispatch.catalog.ChangeTimes;
import dispatch.catalog.FeedSource;
import dispatch.catalog.LiveCatalog;
import dispatch.config.DispatchConfig;
import dispatch.files.DataFolderFiles;
import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * PostgreSQL as the source of a cluster's feeds: every replica copies the committed feeds into
 * its {@link Mirror} and renders that, times each change by its commit, and writes through one
 * transaction per change ({@link DatabaseWrite}), which also commits what its render keeps.
 */
public final class DatabaseSource implements FeedSource {

    private static final Logger LOG = Logger.getLogger(DatabaseSource.class);

    private final DataSource database;
    private final Runnable migrate;
    private final Mirror mirror;
    private final DatabaseFiles kept;
    private final ChangeTimes times;
    private final Follower follower;
    private final Map<String, Long> rendered = new ConcurrentHashMap<>();
    private volatile LiveCatalog live;
    private volatile boolean migrated;

    /**
     * The feeds of {@code database}, whose schema {@code migrate} brings up to date, copied into
     * {@code <dataDir>/mirror}.
     */
    public DatabaseSource(DataSource database, Runnable migrate, Path dataDir, DispatchConfig.Cluster config, Clock clock) throws IOException {
        this.database = database;
        this.migrate = migrate;
        DataFolderFiles local = new DataFolderFiles(dataDir);
        this.mirror = new Mirror(dataDir.resolve("mirror"), local);
        this.follower = new Follower(database, mirror, config.pollInterval(), config.reconnectDelay(), this::changed, this::migrate);
        this.kept = new DatabaseFiles(database, local, () -> follower.trouble().isEmpty());
        this.times = id -> mirror.changedAt(id, clock.instant());
    }

    @Override
    public Path feedsDir() {
        return mirror.root();
    }

    @Override
    public boolean watched() {
        return false; // only Dispatch writes the mirror
    }

    @Override
    public ChangeTimes changeTimes() {
        return times;
    }

    @Override
    public KeptFiles kept() {
        return kept;
    }

    /** Copies what the database holds now, so that the first load reads it; without the database, the copy as it is. */
    @Override
    public void prepare() {
        try (Connection c = database.getConnection()) {
            migrate();
            follower.caughtUp(c);
            LOG.infof("Copied the database's feeds into %s", mirror.root().toAbsolutePath().normalize());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Cannot reach the database (%s): serving the feeds as last copied into %s", e.getMessage(),
                    mirror.root().toAbsolutePath().normalize());
        }
    }

    @Override
    public void follow(LiveCatalog catalog) {
        this.live = catalog;
        follower.start();
    }

    @Override
    public FeedWrite write(String feed) throws IOException {
        DatabaseWrite write = start(feed);
        return new FeedWrite() {
            @Override
            public void commit(Runnable render) throws IOException {
                write.commit(() -> {
                    render.run();
                    rendered.put(feed, mirror.version(feed));
                });
            }

            @Override
            public void close() {
                write.close();
            }
        };
    }

    @Override
    public List<String> importFeeds(Path folder) throws IOException {
        return new FeedImport(this::start, mirror, this::changed).from(folder);
    }

    @Override
    public boolean imports() {
        return true;
    }

    /** Renders {@code feed} again on every replica: a new version of it, unchanged, committed now. */
    @Override
    public void renderAgain(String feed, LiveCatalog catalog) {
        try (DatabaseWrite write = start(feed)) {
            write.touch();
            write.commit(() -> changed(feed));
        } catch (IOException e) {
            LOG.warnf("Cannot render feed %s again through the database (%s): another replica or the next sweep will", feed, e.getMessage());
        }
    }

    @Override
    public void refresh(String feed, LiveCatalog catalog) {
        try (Connection c = database.getConnection()) {
            follower.copy(c, feed);
        } catch (SQLException e) {
            LOG.infof("Cannot read feed %s from the database on a ping (%s): the follower will", feed, e.getMessage());
        }
    }

    /** Whether the database's version of {@code feed} is the one this replica rendered last. */
    @Override
    public boolean current(String feed) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("select version from feed where name = ?")) {
            s.setString(1, feed);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) == rendered.getOrDefault(feed, -1L);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Optional<String> trouble() {
        return follower.trouble();
    }

    @Override
    public void close() {
        follower.stop();
    }

    /** Starts a write to {@code feed}; refused at once while the database is known to be out of reach. */
    private DatabaseWrite start(String feed) throws IOException {
        Optional<String> trouble = trouble();
        if (trouble.isPresent()) {
            throw new UnavailableException(trouble.get(), null);
        }
        return new DatabaseWrite(database, mirror, kept, feed, this::changed, () -> live);
    }

    /** Serves feed {@code feed} as its folder now holds it (once the catalog follows), its folder locked meanwhile. */
    private void changed(String feed) {
        LiveCatalog catalog = live;
        if (catalog == null) {
            return;
        }
        ReentrantLock lock = mirror.lock(feed);
        lock.lock();
        try {
            long version = mirror.version(feed);
            catalog.reload(feed);
            rendered.put(feed, version);
        } finally {
            lock.unlock();
        }
    }

    /** Brings the schema up to date now if the database can be reached; otherwise at the first connection. */
    void migrateNow() {
        try {
            migrate();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot migrate the database's schema yet (%s): at the first connection", e.getMessage());
        }
    }

    /** Brings the schema up to date, once. */
    private void migrate() {
        if (!migrated) {
            migrate.run();
            migrated = true;
        }
    }
}
