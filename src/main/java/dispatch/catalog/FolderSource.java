package dispatch.catalog;

import dispatch.files.DataFolderFiles;
import dispatch.files.KeptFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** The feeds directory as the source on one node: watched, changes timed by this node's clock, state in the data folder. */
public final class FolderSource implements FeedSource {

    private final Path feedsDir;
    private final boolean watched;
    private final KeptFiles kept;
    private final ChangeTimes times;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The folder {@code feedsDir}, watched when {@code watched}, with state kept in {@code dataDir}. */
    public FolderSource(Path feedsDir, boolean watched, Path dataDir, Clock clock) {
        this.feedsDir = feedsDir;
        this.watched = watched;
        this.kept = new DataFolderFiles(dataDir);
        this.times = ChangeTimes.of(clock);
    }

    @Override
    public Path feedsDir() {
        return feedsDir;
    }

    @Override
    public boolean watched() {
        return watched;
    }

    @Override
    public ChangeTimes changeTimes() {
        return times;
    }

    @Override
    public KeptFiles kept() {
        return kept;
    }

    @Override
    public void prepare() {
        // the files are the source
    }

    @Override
    public void follow(LiveCatalog live) {
        // the watcher follows the folder
    }

    @Override
    public FeedWrite write(String feed) {
        ReentrantLock lock = locks.computeIfAbsent(feed, f -> new ReentrantLock());
        lock.lock();
        return new FeedWrite() {
            @Override
            public void commit(Runnable render) {
                render.run(); // the files were written durably
            }

            @Override
            public void close() {
                lock.unlock();
            }
        };
    }

    @Override
    public Optional<String> trouble() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
