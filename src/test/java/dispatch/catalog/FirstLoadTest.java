package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.NamedPipe;
import dispatch.TestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit tests for {@link CatalogService}'s first load, which runs in the background so that the
 * server starts at once: not loaded before it starts, every feed and problem once it is over,
 * and while it runs only whole, published feeds in the catalog. Plain JUnit, real files.
 */
class FirstLoadTest {

    private static final String ARTICLE = "A headline for %d\n\nA paragraph that ends a sentence.\n";

    @TempDir
    Path root;

    private final List<CatalogService> stores = new ArrayList<>();

    /** {@code store}, stopped after the test: its watcher must not read the folder while it is deleted. */
    private CatalogService track(CatalogService store) {
        stores.add(store);
        return store;
    }

    @AfterEach
    void stop() {
        stores.forEach(CatalogService::stop);
    }

    private Path feeds(int count, int articles) throws IOException {
        Path feeds = Files.createDirectory(root.resolve("feeds"));
        for (int f = 0; f < count; f++) {
            Path dir = Files.createDirectory(feeds.resolve(String.format("feed-%03d", f)));
            Files.writeString(dir.resolve("feed.yaml"), "title: Feed " + f + "\n");
            for (int a = 0; a < articles; a++) {
                Files.writeString(dir.resolve(String.format("2024-01-%02d-a%d.txt", 1 + a % 28, a)),
                        String.format(ARTICLE, a), StandardCharsets.UTF_8);
            }
        }
        return feeds;
    }

    @Test
    void isNotLoadedBeforeItStarts() throws IOException {
        CatalogService store = track(new CatalogService(new TestConfig(feeds(1, 1))));
        assertFalse(store.loaded());
        assertTrue(store.catalog().feeds().isEmpty());
        assertThrows(IllegalStateException.class, () -> store.awaitLoaded(Duration.ofMillis(10)));
    }

    @Test
    void servesEveryFeedAndReportsEveryProblemOnceLoaded() throws IOException {
        Path feeds = feeds(3, 2);
        Files.write(feeds.resolve("feed-001").resolve("2024-02-01-binary.txt"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.createDirectory(feeds.resolve("Not A Feed"));
        CatalogService store = track(new CatalogService(new TestConfig(feeds)));
        store.start();
        Catalog catalog = store.awaitLoaded(Duration.ofMinutes(1));
        assertTrue(store.loaded());
        assertEquals(Set.of("feed-000", "feed-001", "feed-002"), catalog.feeds().keySet());
        assertEquals(2, catalog.feed("feed-001").orElseThrow().snapshot().posts().size(), "the bad file is left out, its feed served");
        assertEquals(List.of("feeds/Not A Feed", "feeds/feed-001/2024-02-01-binary.txt"),
                catalog.problems().stream().map(p -> p.file().toString()).toList());
        assertEquals(Optional.empty(), store.failure());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whileLoadingServesOnlyWholePublishedFeeds() throws Exception {
        Path feeds = feeds(40, 30);
        Path held = feeds.resolve("feed-039").resolve("feed.yaml");
        Files.delete(held);
        NamedPipe pipe = NamedPipe.create(held); // feed-039 loads only once the test writes its feed.yaml
        CatalogService store = track(new CatalogService(new TestConfig(feeds)));
        List<Catalog> seen = new ArrayList<>();
        store.start();
        try {
            while (store.catalog().feeds().size() < 39) {
                Catalog c = store.catalog();
                if (seen.isEmpty() || seen.get(seen.size() - 1) != c) {
                    seen.add(c);
                }
                Thread.onSpinWait();
            }
            seen.add(store.catalog());
            assertFalse(store.loaded(), "one feed is still loading");
            assertFalse(store.catalog().feeds().containsKey("feed-039"));
        } finally {
            pipe.write("title: Feed 39\n");
        }
        Catalog done = store.awaitLoaded(Duration.ofMinutes(1));
        assertEquals(40, done.feeds().size());
        int previous = 0;
        for (Catalog c : seen) {
            assertTrue(c.feeds().size() >= previous, "feeds are added, never dropped, while loading");
            previous = c.feeds().size();
            c.feeds().forEach((id, feed) -> {
                assertEquals(30, feed.snapshot().posts().size(), id + " is published whole");
                assertEquals(done.feeds().get(id).documents().keySet(), feed.documents().keySet(), id + " in every format");
            });
        }
    }

    @Test
    void aFeedAskedForWhileLoadingIsPublishedOnceAheadOfItsTurn() throws IOException {
        CatalogService store = track(new CatalogService(new TestConfig(feeds(40, 30))));
        store.start();
        RenderedFeed early = store.loadAhead("feed-039", Runnable::run).join();
        assertEquals(30, early.snapshot().posts().size());
        assertEquals(null, store.loadAhead("no-such-feed", Runnable::run).join());
        assertEquals(null, store.loadAhead("../feeds", Runnable::run).join(), "only feed ids are looked up");
        Catalog done = store.awaitLoaded(Duration.ofMinutes(1));
        assertSame(early, done.feeds().get("feed-039"), "published once, by whoever came first");
        assertTrue(done.problems().isEmpty(), done.problems()::toString);
        assertSame(early, store.loadAhead("feed-039", task -> {
            throw new AssertionError("nothing left to publish");
        }).join(), "once loaded, the served feed");
    }

    @Test
    void aRequestWhosePublicationIsRefusedLeavesTheFeedToTheLoad() throws IOException {
        CatalogService store = track(new CatalogService(new TestConfig(feeds(40, 30))));
        store.start();
        CompletableFuture<RenderedFeed> refused = store.loadAhead("feed-039", task -> {
            throw new RejectedExecutionException("no worker free");
        });
        CompletionException e = assertThrows(CompletionException.class, refused::join);
        assertTrue(e.getCause() instanceof RejectedExecutionException, e::toString);
        Catalog done = store.awaitLoaded(Duration.ofMinutes(1));
        assertEquals(40, done.feeds().size(), "the load published the feed itself");
        assertTrue(done.problems().isEmpty(), done.problems()::toString);
    }

    @Test
    void aMissingFeedsDirectoryServesNothingAndStillFinishesLoading() {
        CatalogService store = track(new CatalogService(new TestConfig(root.resolve("nowhere"))));
        store.start();
        Catalog catalog = store.awaitLoaded(Duration.ofMinutes(1));
        assertTrue(catalog.feeds().isEmpty());
        assertTrue(store.loaded());
    }
}
