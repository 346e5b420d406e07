package dispatch.cluster;

import dispatch.files.KeptFiles;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * {@link KeptFiles} of a cluster, in the {@code feed_state} table with a copy in this replica's
 * data folder.
 * <ul>
 * <li>The {@link FeedTables#FOLLOWED} kinds (validators, history) are what a render of a change
 * keeps: written to the database only by the replica that commits the change, inside its
 * transaction ({@link #within}), and copied by every replica with the feed's files, from one
 * snapshot. Renders read the copy, so every replica renders a version with the state it was
 * committed with.</li>
 * <li>Other kinds (archive pages' validators, kept as pages are first served) are read from and
 * written to the database as they are used; without the database, only the copy is used.</li>
 * </ul>
 * Inside a write ({@link #within}), every kind is read and written in its transaction.
 */
final class DatabaseFiles implements KeptFiles {

    private final DataSource database;
    private final KeptFiles local;
    private final BooleanSupplier reachable;
    private final ThreadLocal<Connection> writing = new ThreadLocal<>();

    /** Documents in {@code database}, copied to {@code local}; while not {@code reachable}, only the copy is used. */
    DatabaseFiles(DataSource database, KeptFiles local, BooleanSupplier reachable) {
        this.database = database;
        this.local = local;
        this.reachable = reachable;
    }

    /** The copy in this replica's data folder. */
    KeptFiles local() {
        return local;
    }

    /** Runs {@code work}, a render on this thread, writing whatever it keeps in transaction {@code c}. */
    void within(Connection c, Work work) throws IOException, SQLException {
        writing.set(c);
        try {
            work.run();
        } finally {
            writing.remove();
        }
    }

    /** Work inside a write's transaction. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, SQLException;
    }

    @Override
    public Optional<byte[]> read(String kind, String feed, long maxBytes) throws IOException {
        if (followed(kind) || !reachable.getAsBoolean()) {
            return local.read(kind, feed, maxBytes);
        }
        if (writing.get() != null) {
            try {
                return FeedTables.state(writing.get(), kind, feed);
            } catch (SQLException e) {
                return local.read(kind, feed, maxBytes);
            }
        }
        try (Connection c = database.getConnection()) {
            return FeedTables.state(c, kind, feed);
        } catch (SQLException e) {
            return local.read(kind, feed, maxBytes);
        }
    }

    @Override
    public void write(String kind, String feed, byte[] bytes) throws IOException {
        local.write(kind, feed, bytes);
        try {
            Connection c = writing.get();
            if (c != null) {
                FeedTables.putState(c, kind, feed, bytes); // inside a write: committed with it, and never waiting for it
            } else if (!followed(kind) && reachable.getAsBoolean()) {
                try (Connection own = database.getConnection()) {
                    FeedTables.putState(own, kind, feed, bytes);
                }
            }
        } catch (SQLException e) {
            throw new IOException("the database cannot be reached (" + e.getMessage() + "); kept in " + local.where(kind, feed) + " only", e);
        }
    }

    @Override
    public void delete(String kind, String feed) throws IOException {
        local.delete(kind, feed);
        try {
            Connection c = writing.get();
            if (c != null) {
                FeedTables.removeState(c, kind, feed);
            } else if (!followed(kind) && reachable.getAsBoolean()) {
                try (Connection own = database.getConnection()) {
                    FeedTables.removeState(own, kind, feed);
                }
            }
        } catch (SQLException e) {
            throw new IOException("the database cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Writes what this replica's data folder keeps of the followed kinds for {@code feed} in the
     * current write's transaction, whether or not the render changed it: so that the state a
     * version is committed with is always the writer's (an import's render, say, reproduces the
     * single node's state, and writes nothing of its own).
     */
    void commitFollowed(String feed) throws IOException, SQLException {
        Connection c = writing.get();
        for (String kind : FeedTables.FOLLOWED) {
            java.util.Optional<byte[]> kept = local.read(kind, feed, 256L * 1024 * 1024);
            if (kept.isPresent()) {
                FeedTables.putState(c, kind, feed, kept.get());
            }
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String where(String kind, String feed) {
        return "feed_state (" + kind + ", " + feed + ")";
    }

    private static boolean followed(String kind) {
        return FeedTables.FOLLOWED.contains(kind);
    }
}
