package dispatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FeedsWatcher} on a real folder and the operating system's real events: which feed each
 * change is reported for, one report for a burst of changes, new folders watched, and the rescan
 * catching what events miss. Waits are bounded polls, never timing assertions.
 */
class FeedsWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private Path feeds;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final Map<String, Long> read = new ConcurrentHashMap<>();
    private FeedsWatcher watcher;

    @BeforeEach
    void feeds() throws IOException {
        feeds = Files.createDirectories(root.resolve("feeds"));
        for (String feed : List.of("world", "tech")) {
            Files.createDirectories(feeds.resolve(feed));
            Files.writeString(feeds.resolve(feed + "/feed.yaml"), "title: " + feed + "\n");
        }
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Starts a watcher that records each report and then counts the folder as read. */
    private void watch(Duration quiet, Duration rescan) {
        for (String feed : List.of("world", "tech")) {
            read.put(feed, FolderFingerprint.of(feeds.resolve(feed)));
        }
        watcher = new FeedsWatcher(feeds, quiet, rescan, new FeedsWatcher.ReadState() {
            @Override
            public long fingerprint(String id) {
                return read.getOrDefault(id, FolderFingerprint.NONE);
            }

            @Override
            public Set<String> folders() {
                return Set.copyOf(read.keySet());
            }
        }, id -> {
            reports.add(id);
            read.put(id, FolderFingerprint.of(feeds.resolve(id)));
        });
        watcher.start();
    }

    private void awaitReports(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (reports.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(reports.size() >= count, "expected " + count + " reports, got " + reports);
    }

    @Test
    void aFileRenamedIntoPlaceIsReportedForItsFeed() throws Exception {
        watch(Duration.ofMillis(50), Duration.ofMinutes(10));
        Path temp = Files.writeString(feeds.resolve("world/.new.txt.tmp"), "A headline\n\nA body.\n");
        Files.move(temp, feeds.resolve("world/2024-06-01-new.txt"), StandardCopyOption.ATOMIC_MOVE);
        awaitReports(1);
        Thread.sleep(300);
        assertEquals(List.of("world"), reports);
    }

    @Test
    void aBurstOfChangesIsReportedOnce() throws Exception {
        watch(Duration.ofMillis(400), Duration.ofMinutes(10));
        for (int i = 0; i < 300; i++) {
            Files.writeString(feeds.resolve("tech/2024-01-01-a" + i + ".txt"), "Headline " + i + "\n\nA body.\n");
        }
        awaitReports(1);
        Thread.sleep(1_000);
        assertEquals(List.of("tech"), reports, "a checkout of 300 files is one change");
    }

    @Test
    void editsDeletionsAndNewFoldersAreReported() throws Exception {
        watch(Duration.ofMillis(50), Duration.ofMinutes(10));
        Files.writeString(feeds.resolve("tech/feed.yaml"), "title: Tech news\n");
        awaitReports(1);
        Files.delete(feeds.resolve("world/feed.yaml"));
        awaitReports(2);
        Files.createDirectories(feeds.resolve("sport"));
        Thread.sleep(200); // the new folder is watched once its creation is seen
        Files.writeString(feeds.resolve("sport/feed.yaml"), "title: Sport\n");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (reports.stream().filter("sport"::equals).count() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("tech", "world"), reports.subList(0, 2));
        assertTrue(reports.contains("sport"), reports.toString());
    }

    @Test
    void theRescanCatchesWhatNoEventSaid() throws Exception {
        watch(Duration.ofMillis(50), Duration.ofMillis(200));
        read.put("world", 42L); // as if a change happened that no event reported
        awaitReports(1);
        assertEquals("world", reports.get(0));
    }

    @Test
    void hiddenFilesAreNotChanges() throws Exception {
        watch(Duration.ofMillis(50), Duration.ofMinutes(10));
        Files.writeString(feeds.resolve("world/.swap"), "an editor's swap file");
        Thread.sleep(500);
        assertEquals(List.of(), reports);
    }
}
