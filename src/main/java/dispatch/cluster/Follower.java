package dispatch.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps the mirror current on its own thread: listens for the changes every replica announces
 * ({@code LISTEN}), and compares every feed's version with the database's at each connection and
 * every poll interval, for announcements missed while disconnected. Each feed whose copy changed
 * is handed to the listener. Losing the database, it connects again after a delay, for as long
 * as it runs.
 */
final class Follower implements Runnable {

    private static final Logger LOG = Logger.getLogger(Follower.class);

    private final DataSource database;
    private final Mirror mirror;
    private final Duration poll;
    private final Duration reconnect;
    private final Consumer<String> changed;
    private final Runnable connected;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String trouble = "not connected to the database yet";
    private volatile Instant lostSince = Instant.now();

    /**
     * A follower of {@code database} into {@code mirror}, telling {@code changed} each feed whose
     * copy changed, running {@code connected} (the schema's migration) at each connection.
     */
    Follower(DataSource database, Mirror mirror, Duration poll, Duration reconnect, Consumer<String> changed, Runnable connected) {
        this.database = database;
        this.mirror = mirror;
        this.poll = poll;
        this.reconnect = reconnect;
        this.changed = changed;
        this.connected = connected;
        this.thread = new Thread(this, "dispatch-cluster");
        this.thread.setDaemon(true);
    }

    /** Starts following. */
    void start() {
        thread.start();
    }

    /** Stops following. */
    void stop() {
        running = false;
        thread.interrupt();
    }

    /** Records that {@code c}, a connection made before following, caught up: the database is reachable. */
    void caughtUp(Connection c) throws SQLException {
        catchUp(c);
        trouble = null;
    }

    /** Why the database cannot be reached now, or empty. */
    Optional<String> trouble() {
        return Optional.ofNullable(trouble);
    }

    @Override
    public void run() {
        while (running) {
            try (Connection c = database.getConnection()) {
                connected.run();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + FeedTables.CHANNEL);
                }
                catchUp(c);
                if (trouble != null) {
                    LOG.infof("Following the database again after %d s: caught up", Duration.between(lostSince, Instant.now()).toSeconds());
                }
                trouble = null;
                follow(c);
            } catch (SQLException | RuntimeException | OutOfMemoryError e) {
                if (!running) {
                    return;
                }
                if (trouble == null) {
                    lostSince = Instant.now();
                    LOG.warnf("Lost the database (%s): serving the last state copied, refusing writes, connecting again", e.getMessage());
                }
                trouble = "the database cannot be reached: " + e.getMessage();
                pause(reconnect);
            }
        }
    }

    /** Copies each announced feed as its announcement comes, and catches up every poll interval. */
    private void follow(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long nextPoll = System.nanoTime() + poll.toNanos();
        while (running) {
            int wait = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nextPoll - System.nanoTime()) / 1_000_000));
            PGNotification[] notes = pg.getNotifications(wait);
            if (notes != null && notes.length > 0) {
                Set<String> feeds = new HashSet<>();
                for (PGNotification note : notes) {
                    unheld(note.getParameter()).ifPresent(feeds::add);
                }
                for (String feed : feeds) {
                    copy(c, feed);
                }
            }
            if (System.nanoTime() - nextPoll >= 0) {
                catchUp(c);
                nextPoll = System.nanoTime() + poll.toNanos();
            }
        }
    }

    /**
     * The feed announcement {@code payload} names ({@code name version}, or the name alone),
     * unless this copy holds that version already: a write this replica made itself.
     */
    private Optional<String> unheld(String payload) {
        String[] announced = payload.split(" ", 2);
        boolean held = announced.length == 2 && announced[1].matches("\\d{1,18}")
                && mirror.version(announced[0]) >= Long.parseLong(announced[1]);
        return held ? Optional.empty() : Optional.of(announced[0]);
    }

    /** Copies every feed whose version differs from the copy's, and removes the copies of feeds gone. */
    void catchUp(Connection c) throws SQLException {
        Map<String, Long> versions = FeedTables.versions(c);
        Set<String> local;
        try {
            local = mirror.feeds();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list the mirror " + mirror.root() + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, Long> feed : versions.entrySet()) {
            if (mirror.version(feed.getKey()) != feed.getValue()) {
                copy(c, feed.getKey());
            }
        }
        for (String feed : local) {
            if (!versions.containsKey(feed)) {
                copy(c, feed);
            }
        }
    }

    /**
     * Copies feed {@code feed} as committed now and hands it on when its copy changed. A copy or
     * render that fails is logged and the feed's version forgotten, so that the next catch-up
     * tries again; only the database's failures end the connection.
     */
    void copy(Connection c, String feed) throws SQLException {
        boolean touched = false;
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // its row, files and state from one snapshot
        try {
            touched = mirror.copy(feed, FeedTables.feed(c, feed));
            c.commit();
        } catch (java.io.IOException | RuntimeException e) {
            c.rollback();
            mirror.forget(feed);
            LOG.errorf("Cannot copy feed %s into %s: %s (tried again at the next catch-up)", feed, mirror.root(), e);
        } finally {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(true);
        }
        if (touched) {
            try {
                changed.accept(feed);
            } catch (RuntimeException | StackOverflowError e) {
                mirror.forget(feed);
                LOG.errorf(e, "Cannot serve the copy of feed %s (tried again at the next catch-up)", feed);
            }
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
