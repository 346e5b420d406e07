package dispatch.catalog;

import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the catalog's feeds come from: the folder it reads, when each feed changed, where renders
 * keep their state, and how the publish API makes one write to one feed. On one node that is the
 * feeds directory and the data folder ({@link FolderSource}); in a cluster, PostgreSQL, copied
 * into a folder that this replica alone writes.
 */
public interface FeedSource {

    /** The folder of feed folders the catalog reads. */
    Path feedsDir();

    /** Whether others change that folder, so that it must be watched. */
    boolean watched();

    /** When each feed's content changed. */
    ChangeTimes changeTimes();

    /** Where renders keep validators and history. */
    KeptFiles kept();

    /** Makes {@link #feedsDir()} current before the first load; returns at once on one node. */
    void prepare();

    /** Keeps {@code live} current with changes made elsewhere, once its first load is over. */
    void follow(LiveCatalog live);

    /** Starts a write to feed {@code feed}, exclusive of every other write to it. */
    FeedWrite write(String feed) throws IOException;

    /**
     * Copies every feed folder of {@code folder} into this source, each in one write: files of
     * the same name are replaced, others kept. Only a cluster's database can import.
     *
     * @return the feeds imported
     */
    default List<String> importFeeds(Path folder) throws IOException {
        throw new IOException("only a cluster's database imports feeds (dispatch.source=postgresql)");
    }

    /** Whether {@link #importFeeds} can be used. */
    default boolean imports() {
        return false;
    }

    /**
     * Reads feed {@code feed} again, as a publisher's ping to the hub asks: on one node its folder,
     * served if it changed; in a cluster, the database's version, copied and served if newer.
     */
    default void refresh(String feed, LiveCatalog live) {
        live.reloadIfChanged(feed);
    }

    /**
     * Renders feed {@code feed} of {@code live} again as of now, unchanged: on one node at once;
     * in a cluster, on every replica, by committing a new version of it.
     */
    default void renderAgain(String feed, LiveCatalog live) {
        live.reload(feed);
    }

    /**
     * Whether this node serves feed {@code feed}'s newest version: always on one node; in a
     * cluster, whether this replica's copy is as new as the database's.
     */
    default boolean current(String feed) {
        return true;
    }

    /** Why writes cannot be made now (the database is out of reach), or empty. */
    Optional<String> trouble();

    /** Stops following. */
    void close();

    /**
     * One exclusive write to one feed: change its files in {@link #feedsDir()}, then
     * {@link #commit}; closing without committing undoes the change.
     */
    interface FeedWrite extends AutoCloseable {

        /**
         * Makes the change lasting and has {@code render} serve it: on one node after the files
         * were written; in a cluster inside the transaction that tells every replica, so that
         * what the render keeps (validators, history) is committed with the change.
         */
        void commit(Runnable render) throws IOException;

        /** Ends the write; a change not committed is undone. */
        @Override
        void close();
    }

    /** A write that could not be made because the source is out of reach; nothing was changed. */
    final class UnavailableException extends IOException {

        private static final long serialVersionUID = 1L;

        /** Why. */
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
