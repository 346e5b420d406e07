package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestClock;
import dispatch.article.ArticleParser;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;
import dispatch.feed.Representation;
import dispatch.feed.Tombstone;
import dispatch.source.FeedLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's history survives a restart: the same archive pages, byte for byte, and the same
 * tombstones, read back from the data folder; a history file that cannot be read is cut afresh;
 * tombstones go once they outlive their lifetime.
 */
class HistoryRestartTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path root;

    private Path feeds;
    private final TestClock clock = new TestClock(NOW);
    private final FeedRendering rendering = new FeedRendering(new Links("https://news.example"), 1, Duration.ofDays(30), 4);

    @BeforeEach
    void feed() throws IOException {
        feeds = Files.createDirectories(root.resolve("feeds"));
        Path dir = Files.createDirectories(feeds.resolve("world"));
        Files.writeString(dir.resolve("feed.yaml"), "title: World\nlimit: 2\n");
        for (int day = 1; day <= 9; day++) {
            Files.writeString(dir.resolve("2026-05-0" + day + "-story-" + day + ".txt"), "Story " + day + "\n\nIt happened on day " + day + ".\n");
        }
    }

    /** A catalog as a start makes it, on the shared data folder. */
    private LiveCatalog start() {
        LiveCatalog live = new LiveCatalog(new FeedLoader(feeds, new ArticleParser(), 1 << 20), rendering,
                new ValidatorStore(root.resolve("data")), new HistoryStore(root.resolve("data")), clock);
        live.reload("world");
        return live;
    }

    private RenderedFeed world(LiveCatalog live) {
        return live.catalog().feeds().get("world");
    }

    private Representation archiveDocument(LiveCatalog live, int page, FeedFormat format) {
        return new HistoryDocuments(rendering, new PageValidators(root.resolve("data")), clock).archive(world(live), page, format).orElseThrow();
    }

    private byte[] archive(LiveCatalog live, int page, FeedFormat format) {
        Representation r = archiveDocument(live, page, format);
        ByteBuffer body = r.body();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return bytes;
    }

    @Test
    void aRestartServesTheSameArchivePagesAndTombstones() throws IOException {
        LiveCatalog first = start();
        Files.delete(feeds.resolve("world/2026-05-02-story-2.txt"));
        clock.set(NOW.plusSeconds(60));
        first.reload("world");
        RenderedFeed before = world(first);
        assertEquals(4, before.snapshot().archives().size(), "7 entries archived in pages of 2");
        assertEquals(1, before.snapshot().tombstones().size());

        clock.set(NOW.plusSeconds(3600));
        LiveCatalog second = start();
        RenderedFeed after = world(second);
        assertEquals(before.snapshot().archives(), after.snapshot().archives());
        assertEquals(before.snapshot().tombstones(), after.snapshot().tombstones());
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(before.documents().get(format).etag(), after.documents().get(format).etag(), format.name());
            for (int page = 1; page <= 4; page++) {
                assertArrayEquals(archive(first, page, format), archive(second, page, format), format + " page " + page);
            }
        }
    }

    @Test
    void aDeletionWhileStoppedLeavesATombstoneDatedAtTheStart() throws IOException {
        start();
        Files.delete(feeds.resolve("world/2026-05-09-story-9.txt"));
        clock.set(NOW.plusSeconds(600));
        RenderedFeed after = world(start());
        assertEquals(List.of(NOW.plusSeconds(600)), after.snapshot().tombstones().stream().map(Tombstone::when).toList());
    }

    @Test
    void anUnreadableHistoryIsCutAfresh() throws IOException {
        RenderedFeed before = world(start());
        Files.writeString(root.resolve("data/history/world.json"), "{ not json");
        RenderedFeed after = world(start());
        assertEquals(before.snapshot().archives().stream().map(p -> p.ids()).toList(), after.snapshot().archives().stream().map(p -> p.ids()).toList(),
                "cut from the oldest entry again: the same pages");
    }

    @Test
    void tombstonesGoOnceTheyOutliveTheirLifetime() throws IOException {
        LiveCatalog live = start();
        Files.delete(feeds.resolve("world/2026-05-05-story-5.txt"));
        live.reload("world");
        String withTombstone = world(live).documents().get(FeedFormat.ATOM).etag();
        assertEquals(1, world(live).snapshot().tombstones().size());
        clock.set(NOW.plus(Duration.ofDays(29)));
        assertEquals(0, live.expireTombstones(live::reload), "not yet");
        clock.set(NOW.plus(Duration.ofDays(30)));
        assertEquals(1, live.expireTombstones(live::reload));
        assertTrue(world(live).snapshot().tombstones().isEmpty());
        assertNotEquals(withTombstone, world(live).documents().get(FeedFormat.ATOM).etag());
        assertEquals(0, live.expireTombstones(live::reload));
    }

    @Test
    void anArchivePageWhoseBytesChangeIsLastModifiedNoEarlierThanTheChange() throws IOException {
        LiveCatalog live = start();
        Representation before = archiveDocument(live, 1, FeedFormat.ATOM);
        // an edit that keeps the article's date: the page's newest entry is not updated later
        Files.writeString(feeds.resolve("world/2026-05-01-story-1.txt"), "Story 1\n\nIt happened on day 1, as corrected.\n");
        Instant later = NOW.plus(Duration.ofDays(2));
        clock.set(later);
        live.reload("world");
        Representation edited = archiveDocument(live, 1, FeedFormat.ATOM);
        assertNotEquals(before.etag(), edited.etag());
        assertEquals(later, edited.lastModified(), "moved forward with the bytes");
        clock.set(later.plusSeconds(3600));
        assertEquals(later, archiveDocument(start(), 1, FeedFormat.ATOM).lastModified(), "the same bytes keep their time after a restart");
    }

    @Test
    void aSealedPageChangesOnceWhenThePageAfterItAppears() throws IOException {
        Files.writeString(feeds.resolve("world/2026-05-10-story-10.txt"), "Story 10\n\nIt happened on day 10.\n");
        LiveCatalog live = start(); // 10 entries, limit 2: pages 1-4 sealed, none open
        assertEquals(4, world(live).snapshot().archives().size());
        Representation newest = archiveDocument(live, 4, FeedFormat.ATOM);
        long print = world(live).snapshot().archives().get(3).print();
        Files.writeString(feeds.resolve("world/2026-05-11-story-11.txt"), "Story 11\n\nIt happened on day 11.\n");
        clock.set(NOW.plusSeconds(600));
        live.reload("world");
        assertEquals(5, world(live).snapshot().archives().size());
        assertNotEquals(print, world(live).snapshot().archives().get(3).print(), "it links the new page now");
        Representation linked = archiveDocument(live, 4, FeedFormat.ATOM);
        assertNotEquals(newest.etag(), linked.etag());
        assertTrue(linked.lastModified().isAfter(newest.lastModified()), linked.lastModified() + " after " + newest.lastModified());
    }

    @Test
    void anArticleDatedLikeAnArchivedOneMovesNoTimeOnItsPage() throws IOException {
        LiveCatalog live = start();
        byte[] before = archive(live, 1, FeedFormat.ATOM);
        Files.writeString(feeds.resolve("world/2026-05-01-story-1b.txt"), "Story 1b\n\nIt also happened on day 1.\n");
        live.reload("world");
        assertArrayEquals(before, archive(live, 1, FeedFormat.ATOM), "page 1 is sealed: the late article goes to the newest page");
    }

    @Test
    void aFeedMadeAgainUnderARemovedOnesNameStartsAfresh() throws IOException {
        LiveCatalog live = start();
        Files.delete(feeds.resolve("world/2026-05-03-story-3.txt"));
        live.reload("world");
        assertEquals(1, world(live).snapshot().tombstones().size());
        Files.delete(feeds.resolve("world/feed.yaml"));
        live.reload("world");
        assertTrue(live.catalog().feeds().get("world") == null);
        Files.writeString(feeds.resolve("world/feed.yaml"), "title: World again\nlimit: 2\n");
        live.reload("world");
        assertEquals(List.of(), world(live).snapshot().tombstones(), "no tombstones of the feed that was");
        assertTrue(world(live).snapshot().archives().stream().noneMatch(p -> p.ids().isEmpty()));
    }

    @Test
    void deletionsThatWouldEmptyTheCurrentDocumentBringBackTheNewestPage() throws IOException {
        Files.writeString(feeds.resolve("world/2026-05-10-story-10.txt"), "Story 10\n\nIt happened on day 10.\n");
        LiveCatalog live = start(); // pages 1-4 sealed, stories 9 and 10 current
        Files.delete(feeds.resolve("world/2026-05-10-story-10.txt"));
        Files.delete(feeds.resolve("world/2026-05-09-story-9.txt"));
        live.reload("world");
        RenderedFeed feed = world(live);
        assertEquals(2, feed.snapshot().entries().size(), "page 4 came back");
        assertEquals(3, feed.snapshot().archives().size());
        assertTrue(feed.snapshot().entries().get(0).title().equals("Story 8"), feed.snapshot().entries().toString());
    }
}
