package dispatch.cluster;

import dispatch.catalog.ChangeTimes;
import dispatch.catalog.FeedSource;
import dispatch.catalog.HistoryStore;
import dispatch.catalog.LiveCatalog;
import dispatch.catalog.PageValidators;
import dispatch.catalog.ValidatorStore;
import dispatch.config.DispatchConfig;
import dispatch.feed.FeedId;
import dispatch.files.ConfinedFolder;
import dispatch.files.DataFolderFiles;
import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * PostgreSQL as the source of a cluster's feeds: every replica copies the committed feeds into
 * its {@link Mirror} and renders that, times each change by its commit, keeps validators and
 * history in the database, and writes through one transaction per change ({@link DatabaseWrite}).
 */
public final class DatabaseSource implements FeedSource {

    private static final Logger LOG = Logger.getLogger(DatabaseSource.class);
    private static final long MAX_IMPORT_BYTES = 64L * 1024 * 1024;

    private final DataSource database;
    private final Runnable migrate;
    private final Mirror mirror;
    private final DatabaseFiles kept;
    private final ChangeTimes times;
    private final Follower follower;
    private volatile LiveCatalog live;
    private volatile boolean migrated;

    /**
     * The feeds of {@code database}, whose schema {@code migrate} brings up to date, copied into
     * {@code <dataDir>/mirror}.
     */
    public DatabaseSource(DataSource database, Runnable migrate, Path dataDir, DispatchConfig.Cluster config, Clock clock) throws IOException {
        this.database = database;
        this.migrate = migrate;
        this.mirror = new Mirror(dataDir.resolve("mirror"));
        this.follower = new Follower(database, mirror, config.pollInterval(), config.reconnectDelay(), this::changed, this::migrate);
        this.kept = new DatabaseFiles(database, new DataFolderFiles(dataDir), () -> follower.trouble().isEmpty());
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
        Optional<String> trouble = trouble();
        if (trouble.isPresent()) {
            throw new UnavailableException(trouble.get(), null);
        }
        return new DatabaseWrite(database, mirror, feed, this::changed);
    }

    @Override
    public List<String> importFeeds(Path folder) throws IOException {
        ConfinedFolder from = new ConfinedFolder(folder);
        List<String> imported = new ArrayList<>();
        List<Path> feeds;
        try (Stream<Path> s = Files.list(folder)) {
            feeds = s.filter(p -> FeedId.isValid(p.getFileName().toString())).filter(p -> Files.isRegularFile(p.resolve("feed.yaml"))).sorted()
                    .toList();
        }
        for (Path dir : feeds) {
            String feed = dir.getFileName().toString();
            // a single node's validators and history, when this replica starts on its data folder: first, so its render uses them
            int state = kept.importLocal(feed, List.of(ValidatorStore.KIND, HistoryStore.KIND, PageValidators.KIND));
            try (FeedWrite write = write(feed); Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    if (from.isRegularFileInside(file) && !file.getFileName().toString().startsWith(".")) {
                        mirror.put(feed, file.getFileName().toString(), from.read(file, MAX_IMPORT_BYTES));
                    }
                }
                write.commit();
            }
            changed(feed);
            imported.add(feed);
            LOG.infof("Imported feed %s from %s%s", feed, dir, state == 0 ? "" : ", with its validators and history from the data folder");
        }
        return imported;
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public void renderAgain(String feed, LiveCatalog catalog) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            FeedTables.lock(c, feed);
            if (FeedTables.feed(c, feed).isPresent()) {
                FeedTables.touch(c, feed);
                FeedTables.announce(c, feed);
            }
            c.commit(); // the follower copies the new version, and every replica renders it
        } catch (SQLException e) {
            LOG.warnf("Cannot render feed %s again through the database (%s): another replica or the next sweep will", feed, e.getMessage());
        }
    }

    @Override
    public boolean current(String feed) {
        try (Connection c = database.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("select version from feed where name = ?")) {
            s.setString(1, feed);
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) == mirror.version(feed);
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

    /** Serves feed {@code feed} as its folder now holds it, once the catalog follows. */
    private void changed(String feed) {
        LiveCatalog catalog = live;
        if (catalog != null) {
            catalog.reload(feed);
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
