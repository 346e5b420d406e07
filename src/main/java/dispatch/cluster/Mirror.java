package dispatch.cluster;

import dispatch.cluster.FeedTables.FeedRow;
import dispatch.cluster.FeedTables.StoredFile;
import dispatch.feed.FeedId;
import dispatch.files.ConfinedFolder;
import dispatch.files.DurableWrites;
import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This replica's copy of the database's feeds, as feed folders the catalog reads like any other
 * ({@code <data>/mirror}): each file last modified when it was committed, each folder when its
 * feed last changed, so that a restart without the database still serves the same validators.
 * Only Dispatch writes here. Files are replaced atomically but not flushed to the disk one by
 * one: the database is the lasting copy, and a start copies again whatever differs from it.
 */
final class Mirror {

    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Path root;
    private final KeptFiles state;
    private final ConfinedFolder folder;
    private final DurableWrites writes;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The version of a feed this copy holds, and when it was committed. */
    private record Held(long version, Instant changedAt) {
    }

    /** A mirror in folder {@code root}, created when missing, copying the feeds' kept state into {@code state}. */
    Mirror(Path root, KeptFiles state) throws IOException {
        Files.createDirectories(root);
        this.root = root;
        this.state = state;
        this.folder = new ConfinedFolder(root);
        this.writes = new DurableWrites(folder);
    }

    /** The lock of feed {@code feed}'s folder: held by a write from start to end, and by each copy. */
    ReentrantLock lock(String feed) {
        return locks.computeIfAbsent(feed, f -> new ReentrantLock());
    }

    /** The folder of feed folders. */
    Path root() {
        return root;
    }

    /** The version of feed {@code feed} this copy holds, or -1 when not known since the start. */
    long version(String feed) {
        Held h = held.get(feed);
        return h == null ? -1 : h.version();
    }

    /** The feeds this copy holds. */
    Set<String> feeds() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(FeedId::isValid).collect(Collectors.toSet());
        }
    }

    /** Forgets which version of feed {@code feed} this copy holds: the next catch-up copies it again. */
    void forget(String feed) {
        held.remove(feed);
    }

    /** When feed {@code feed} last changed: its commit time, as copied; {@code fallback} when the copy has none. */
    Instant changedAt(String feed, Instant fallback) {
        Held h = held.get(feed);
        if (h != null) {
            return h.changedAt();
        }
        try {
            return Files.getLastModifiedTime(root.resolve(feed)).toInstant();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The files of feed {@code feed}'s folder now, by name. */
    Map<String, byte[]> files(String feed) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path dir = root.resolve(feed);
        if (!folder.isDirectoryInside(dir)) {
            return files;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path file : s.sorted().toList()) {
                if (folder.isRegularFileInside(file) && !file.getFileName().toString().startsWith(".")) {
                    files.put(file.getFileName().toString(), folder.read(file, MAX_FILE_BYTES));
                }
            }
        }
        return files;
    }

    /**
     * Makes feed {@code name}'s folder hold exactly {@code row}'s files (none, and no folder, when
     * {@code row} is empty), and copies its kept state; a row older than the version held is
     * left alone.
     *
     * @return whether anything in the folder changed
     */
    boolean copy(String name, Optional<FeedRow> row) throws IOException {
        if (!FeedId.isValid(name)) {
            return false;
        }
        ReentrantLock lock = lock(name);
        lock.lock();
        try {
            return copyLocked(name, row);
        } finally {
            lock.unlock();
        }
    }

    private boolean copyLocked(String name, Optional<FeedRow> row) throws IOException {
        if (row.isPresent() && row.get().version() < version(name)) {
            return false; // read before a newer version was copied
        }
        Map<String, byte[]> local = files(name);
        Map<String, StoredFile> stored = row.map(FeedRow::files).orElse(Map.of());
        boolean touched = false;
        for (Map.Entry<String, StoredFile> file : stored.entrySet()) {
            if (!safeName(file.getKey())) {
                continue;
            }
            Path path = root.resolve(name).resolve(file.getKey());
            byte[] before = local.get(file.getKey());
            if (before == null || !Arrays.equals(before, file.getValue().body())) {
                writes.replace(path, file.getValue().body());
                touched = true;
            }
            Files.setLastModifiedTime(path, FileTime.from(file.getValue().committedAt()));
        }
        for (String gone : local.keySet()) {
            if (!stored.containsKey(gone)) {
                writes.delete(root.resolve(name).resolve(gone));
                touched = true;
            }
        }
        Path dir = root.resolve(name);
        if (row.isEmpty()) {
            held.remove(name);
            deleteFolder(dir);
        } else {
            for (String kind : FeedTables.FOLLOWED) { // exactly what the version was committed with
                byte[] kept = row.get().state().get(kind);
                Optional<byte[]> before = state.read(kind, name, Long.MAX_VALUE);
                if (kept == null) {
                    if (before.isPresent()) {
                        state.delete(kind, name);
                    }
                } else if (before.isEmpty() || !Arrays.equals(before.get(), kept)) {
                    state.write(kind, name, kept);
                }
            }
            Held before = held.put(name, new Held(row.get().version(), row.get().changedAt()));
            Files.setLastModifiedTime(dir, FileTime.from(row.get().changedAt()));
            touched |= before != null && !row.get().changedAt().equals(before.changedAt());
        }
        return touched;
    }

    /**
     * Records a write this replica committed to feed {@code name}, whose folder already holds the
     * files: its {@code version}, committed {@code at}, and each file last modified at its commit
     * time ({@code times}, by name), as a copy of the same version would leave them. The caller
     * holds the feed's {@link #lock}.
     */
    void committed(String name, long version, Instant at, Map<String, Instant> times) throws IOException {
        Path dir = root.resolve(name);
        for (Map.Entry<String, Instant> file : times.entrySet()) {
            Files.setLastModifiedTime(dir.resolve(file.getKey()), FileTime.from(file.getValue()));
        }
        held.put(name, new Held(version, at));
        Files.setLastModifiedTime(dir, FileTime.from(at));
    }

    /** Writes {@code bytes} as file {@code name} of feed {@code feed}'s folder; the caller holds the feed's {@link #lock}. */
    void put(String feed, String name, byte[] bytes) throws IOException {
        if (!FeedId.isValid(feed) || !safeName(name)) {
            throw new IOException("'" + feed + "/" + name + "' cannot be a file of a feed folder");
        }
        writes.replace(root.resolve(feed).resolve(name), bytes);
    }

    /** Deletes folder {@code dir} with whatever is left in it (a temporary file of an interrupted write, say). */
    private void deleteFolder(Path dir) throws IOException {
        if (!folder.isDirectoryInside(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (folder.isRegularFileInside(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Whether {@code name} may be a file of a feed folder. */
    private static boolean safeName(String name) {
        return !name.isEmpty() && name.length() <= 255 && !name.startsWith(".") && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
    }
}
