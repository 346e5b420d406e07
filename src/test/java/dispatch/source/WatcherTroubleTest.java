package dispatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What readiness learns of the watcher: nothing wrong before it starts and while it rescans; stopped once closed. */
class WatcherTroubleTest {

    @Test
    void aStoppedWatcherSaysSo(@TempDir Path feeds) throws Exception {
        FeedsWatcher.ReadState nothingRead = new FeedsWatcher.ReadState() {
            @Override
            public long fingerprint(String id) {
                return FolderFingerprint.NONE;
            }

            @Override
            public Set<String> folders() {
                return Set.of();
            }
        };
        FeedsWatcher watcher = new FeedsWatcher(feeds, Duration.ofMillis(50), Duration.ofMillis(100), nothingRead, id -> { });
        assertEquals(Optional.empty(), watcher.trouble(), "not started yet");
        watcher.start();
        Thread.sleep(350);
        assertEquals(Optional.empty(), watcher.trouble(), "rescanning every 100 ms");
        watcher.close();
        assertEquals(Optional.of("stopped"), watcher.trouble());
    }
}
