package dispatch.source;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Watches the feeds directory and says which feeds changed: articles and {@code feed.yaml} files
 * created, changed, renamed or deleted, feed folders added or removed. Changes are debounced per
 * feed: a feed is reported once it has been quiet for {@code quiet} (so an editor's save, a file
 * written in place, or a checkout of many files makes one report), and at the latest
 * {@code maxDelay} after its first change. Where the operating system gives no events (network
 * file systems, some container mounts) or drops them, a periodic rescan compares each folder's
 * {@link FolderFingerprint} with the one it was last read with. Reports run one at a time, on
 * the watcher's own thread.
 */
public final class FeedsWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedsWatcher.class);

    private final Path feedsDir;
    private final Duration quiet;
    private final Duration maxDelay;
    private final Duration rescanInterval;
    private final ReadState read;
    private final Consumer<String> changed;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dispatch-feeds-watcher");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Pending> pending = new HashMap<>(); // on the scheduler's thread only
    private final Map<WatchKey, String> keys = new HashMap<>(); // on the scheduler's thread only
    private final Set<String> watched = new HashSet<>(); // on the scheduler's thread only
    private WatchService service;
    private volatile boolean closed;
    /** When the last rescan started ({@link System#nanoTime}); 0 before the first. */
    private volatile long lastRescan;

    /**
     * A watcher of {@code feedsDir}.
     *
     * @param quiet how long a feed must be quiet before it is reported
     * @param rescanInterval how often every folder is compared with what was read
     * @param read what was last read of each folder
     * @param changed told the id of each feed whose folder changed
     */
    public FeedsWatcher(Path feedsDir, Duration quiet, Duration rescanInterval, ReadState read, Consumer<String> changed) {
        this.feedsDir = feedsDir;
        this.quiet = quiet;
        this.maxDelay = quiet.multipliedBy(20);
        this.rescanInterval = rescanInterval;
        this.read = read;
        this.changed = changed;
    }

    /** Starts watching, and compares every folder with what was read at once. */
    public void start() {
        scheduler.execute(() -> {
            try {
                service = feedsDir.getFileSystem().newWatchService();
                register(feedsDir, "");
                for (Path dir : folders()) {
                    register(dir, dir.getFileName().toString());
                }
            } catch (IOException e) {
                LOG.warnf("Cannot watch %s (%s): changes are picked up by the rescan every %s", feedsDir, e.getMessage(), rescanInterval);
            }
            rescan();
            Thread poller = new Thread(this::poll, "dispatch-feeds-events");
            poller.setDaemon(true);
            poller.start();
        });
        scheduler.scheduleWithFixedDelay(this::rescan, rescanInterval.toMillis(), rescanInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Why the watcher is not keeping up with the folder, or empty: it was stopped, or no rescan
     * has started for three rescan intervals (its thread is stuck or dead). Empty before it starts.
     */
    public Optional<String> trouble() {
        if (closed) {
            return Optional.of("stopped");
        }
        long last = lastRescan;
        long since = System.nanoTime() - last;
        if (last != 0 && since > rescanInterval.multipliedBy(3).toNanos()) {
            return Optional.of("no rescan for " + since / 1_000_000_000 + " s (every " + rescanInterval.toSeconds() + " s expected)");
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            LOG.debugf("Closing the watch service: %s", e);
        }
    }

    /** Takes the operating system's events as they come and hands them to the scheduler. */
    private void poll() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            List<WatchEvent<?>> events = key.pollEvents();
            key.reset();
            scheduler.execute(() -> handle(key, events));
        }
    }

    private void handle(WatchKey key, List<WatchEvent<?>> events) {
        String feed = keys.get(key);
        if (feed == null) {
            return;
        }
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                rescan(); // events were lost: compare everything
                continue;
            }
            String name = event.context().toString();
            if (name.startsWith(".")) {
                continue; // a temporary file of an atomic write, an editor's swap file
            }
            if (feed.isEmpty()) { // an entry of the feeds directory itself: a feed folder
                Path dir = feedsDir.resolve(name);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && folders().contains(dir)) {
                    register(dir, name);
                }
                changed(name);
            } else {
                changed(feed);
            }
        }
    }

    /** Notes a change of feed {@code id}: reported once it has been quiet, or waited long enough. */
    private void changed(String id) {
        long now = System.nanoTime();
        Pending p = pending.get(id);
        if (p != null) {
            p.report.cancel(false);
        }
        long first = p == null ? now : p.first;
        long wait = Math.min(quiet.toNanos(), Math.max(0, first + maxDelay.toNanos() - now));
        pending.put(id, new Pending(first, scheduler.schedule(() -> report(id), wait, TimeUnit.NANOSECONDS)));
    }

    private void report(String id) {
        pending.remove(id);
        try {
            changed.accept(id);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Failed to publish the change of feed %s", Problem.printable(id));
        }
    }

    /** Reports every folder that differs from what was read, and every feed whose folder went. */
    private void rescan() {
        if (closed) {
            return;
        }
        lastRescan = System.nanoTime();
        try {
            Set<String> seen = new HashSet<>();
            for (Path dir : folders()) {
                String id = dir.getFileName().toString();
                seen.add(id);
                if (!watched.contains(id)) {
                    register(dir, id);
                }
                if (FolderFingerprint.of(dir) != read.fingerprint(id)) {
                    changed(id);
                }
            }
            for (String id : read.folders()) {
                if (!seen.contains(id) && read.fingerprint(id) != FolderFingerprint.NONE && !Files.exists(feedsDir.resolve(id))) {
                    changed(id); // its folder went
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rescan of %s failed", feedsDir);
        }
    }

    /** The visible folders of the feeds directory that lie inside it (a link to a folder elsewhere is never watched). */
    private Set<Path> folders() {
        try (Stream<Path> s = Files.list(feedsDir)) {
            Path top = feedsDir.toRealPath();
            return Set.copyOf(s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p) && inside(p, top)).toList());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static boolean inside(Path dir, Path top) {
        try {
            return dir.toRealPath().startsWith(top);
        } catch (IOException e) {
            return false;
        }
    }

    private void register(Path dir, String feed) {
        if (service == null) {
            return;
        }
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            keys.put(key, feed);
            watched.add(feed);
        } catch (IOException e) {
            LOG.debugf("Cannot watch %s: %s (the rescan covers it)", dir, e.getMessage());
        }
    }

    private record Pending(long first, ScheduledFuture<?> report) {
    }

    /** What was last read of each folder of the feeds directory. */
    public interface ReadState {

        /** The fingerprint folder {@code id} was last read with, or {@link FolderFingerprint#NONE}. */
        long fingerprint(String id);

        /** The names of the folders read so far. */
        Set<String> folders();
    }
}
