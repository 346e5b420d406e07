package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestClock;
import dispatch.article.ArticleParser;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;
import dispatch.source.FeedLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LiveCatalog} on real files: one feed reloaded alone, the change it tells, an article's
 * last good version kept, and {@code Last-Modified} that never moves backwards, across restarts
 * too (a new catalog on the same data folder), and moves forward whenever the bytes change.
 */
class LiveCatalogTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path root;

    private Path feeds;
    private final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void feeds() throws IOException {
        feeds = Files.createDirectories(root.resolve("feeds"));
        for (String feed : List.of("world", "tech")) {
            Files.createDirectories(feeds.resolve(feed));
            Files.writeString(feeds.resolve(feed + "/feed.yaml"), "title: " + feed + "\n");
            Files.writeString(feeds.resolve(feed + "/2018-09-07-old.txt"), "An old story\n\nIt happened long ago.\n");
            Files.writeString(feeds.resolve(feed + "/2024-06-01-new.txt"), "A new story\n\nIt happened lately.\n");
        }
    }

    /** A catalog as a start would make it: every feed loaded, on the shared data folder. */
    private LiveCatalog start() {
        FeedLoader loader = new FeedLoader(feeds, new ArticleParser(), 1 << 20);
        LiveCatalog live = new LiveCatalog(loader, new FeedRendering(new Links("https://news.example"), 1),
                new ValidatorStore(root.resolve("data")), new HistoryStore(root.resolve("data")), clock);
        live.reload("world");
        live.reload("tech");
        return live;
    }

    private static Instant lastModified(LiveCatalog live, String feed) {
        return live.catalog().feeds().get(feed).documents().get(FeedFormat.ATOM).lastModified();
    }

    @Test
    void aChangeRendersOnlyItsFeedAndTellsWhatChanged() throws IOException {
        LiveCatalog live = start();
        List<FeedChange> changes = new ArrayList<>();
        live.onChange(changes::add);
        RenderedFeed tech = live.catalog().feeds().get("tech");
        Files.writeString(feeds.resolve("world/2024-06-02-newer.txt"), "A newer story\n\nIt happened today.\n");
        Optional<FeedChange> change = live.reload("world");
        assertTrue(change.isPresent());
        assertSame(tech, live.catalog().feeds().get("tech"), "the other feed is not rendered again");
        assertEquals(List.of(change.get()), changes);
        assertEquals("world", change.get().feedId());
        assertEquals(1, change.get().added().stream().filter(id -> id.contains("newer")).count(), change.get().added().toString());
        assertNotEquals(change.get().before().get(FeedFormat.RSS).etag(), change.get().after().get(FeedFormat.RSS).etag());
        assertEquals(Optional.empty(), live.reload("world"), "nothing changed, nothing told");
    }

    @Test
    void aFolderStillAsItWasReadIsNotRenderedAgain() throws IOException {
        LiveCatalog live = start();
        RenderedFeed world = live.catalog().feeds().get("world");
        assertEquals(Optional.empty(), live.reloadIfChanged("world"));
        assertSame(world, live.catalog().feeds().get("world"), "not rendered again");
        Files.writeString(feeds.resolve("world/2024-06-02-newer.txt"), "A newer story\n\nIt happened today.\n");
        assertTrue(live.reloadIfChanged("world").isPresent());
    }

    @Test
    void aFeedWhoseFolderGoesIsRemovedAndANewOneAdded() throws IOException {
        LiveCatalog live = start();
        Files.delete(feeds.resolve("tech/feed.yaml"));
        FeedChange gone = live.reload("tech").orElseThrow();
        assertTrue(gone.after().isEmpty());
        assertFalse(live.catalog().feeds().containsKey("tech"));
        assertTrue(live.catalog().problems().stream().anyMatch(p -> p.file().toString().equals("feeds/tech/feed.yaml")));
        Files.createDirectories(feeds.resolve("sport"));
        Files.writeString(feeds.resolve("sport/feed.yaml"), "title: Sport\n");
        assertTrue(live.reload("sport").orElseThrow().before().isEmpty());
        assertTrue(live.catalog().feeds().containsKey("sport"));
    }

    @Test
    void anArticleThatStopsParsingKeepsItsLastGoodVersion() throws IOException {
        LiveCatalog live = start();
        String before = live.catalog().feeds().get("world").documents().get(FeedFormat.RSS).etag();
        Files.write(feeds.resolve("world/2024-06-01-new.txt"), new byte[] {'x', 0, 'y'});
        live.reload("world");
        assertEquals(before, live.catalog().feeds().get("world").documents().get(FeedFormat.RSS).etag(), "still served as it was");
        assertTrue(live.catalog().problems().stream().anyMatch(p -> p.reason().contains("binary") && p.reason().contains("last good version")),
                live.catalog().problems().toString());
        Files.delete(feeds.resolve("world/2024-06-01-new.txt"));
        live.reload("world");
        assertEquals(1, live.catalog().feeds().get("world").snapshot().posts().size(), "a deleted article goes");
        assertTrue(live.catalog().problems().isEmpty());
    }

    @Test
    void aRestartAfterTheNewestArticleIsDeletedMovesLastModifiedForward() throws IOException {
        Instant first = lastModified(start(), "world");
        assertEquals(Instant.parse("2024-06-01T00:00:00Z"), first);
        Files.delete(feeds.resolve("world/2024-06-01-new.txt"));
        clock.set(NOW.plusSeconds(60));
        Instant after = lastModified(start(), "world");
        assertEquals(clock.instant(), after, "the change happened at the restart, not in 2018");
    }

    @Test
    void aBackdatedArticleMovesLastModifiedForwardAcrossARestart() throws IOException {
        start();
        Files.writeString(feeds.resolve("world/2001-01-01-ancient.txt"), "An ancient story\n\nIt happened in 2001.\n");
        clock.set(NOW.plusSeconds(120));
        assertEquals(clock.instant(), lastModified(start(), "world"));
    }

    @Test
    void aRestartWithUnchangedContentServesTheSameValidators() throws IOException {
        LiveCatalog first = start();
        Files.delete(feeds.resolve("world/2024-06-01-new.txt"));
        clock.set(NOW.plusSeconds(60));
        first.reload("world");
        FeedChange.Validators served = FeedChange.Validators.of(first.catalog().feeds().get("world").documents().get(FeedFormat.ATOM));
        clock.set(NOW.plusSeconds(3600));
        LiveCatalog second = start();
        assertEquals(served, FeedChange.Validators.of(second.catalog().feeds().get("world").documents().get(FeedFormat.ATOM)));
    }
}
