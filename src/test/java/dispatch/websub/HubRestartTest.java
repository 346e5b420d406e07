package dispatch.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestWebSub;
import dispatch.article.ArticleParser;
import dispatch.catalog.FeedRendering;
import dispatch.catalog.HistoryStore;
import dispatch.catalog.LiveCatalog;
import dispatch.catalog.ValidatorStore;
import dispatch.feed.Links;
import dispatch.source.FeedLoader;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's state across a restart, in plain Java over real files and real HTTP: subscriptions
 * come back from the data folder, and a delivery still owed when the hub stopped (its callback
 * was down) is made after the start.
 */
class HubRestartTest {

    private static final String TOPIC = "https://news.example/feeds/world/atom.xml";

    @TempDir
    Path root;

    private Vertx vertx;
    private CallbackServer subscriber;
    private Path feeds;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        subscriber = CallbackServer.start();
        feeds = Files.createDirectories(root.resolve("feeds/world")).getParent();
        data = root.resolve("data");
        Files.writeString(feeds.resolve("world/feed.yaml"), "title: World\n");
        Files.writeString(feeds.resolve("world/2024-06-01-first.txt"), "A first story\n\nIt happened.\n");
    }

    @AfterEach
    void stop() throws Exception {
        subscriber.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A catalog and its hub, as a start makes them. */
    private record Node(LiveCatalog live, Hub hub) implements AutoCloseable {
        @Override
        public void close() {
            hub.close();
        }
    }

    private Node boot() {
        Links links = new Links("https://news.example", List.of("https://news.example/websub"));
        LiveCatalog live = new LiveCatalog(new FeedLoader(feeds, new ArticleParser(), 1 << 20), new FeedRendering(links, 1),
                new ValidatorStore(data), new HistoryStore(data), Clock.systemUTC());
        TestWebSub config = TestWebSub.onLoopback();
        Hub hub = new Hub(config, links, live::catalog, () -> true, live::reloadIfChanged, data, vertx, Clock.systemUTC());
        live.onChange(hub::changed);
        hub.start();
        live.reload("world");
        hub.catchUp();
        return new Node(live, hub);
    }

    private void subscribe(Hub hub, String path) throws InterruptedException {
        assertEquals(202, hub.answer(Map.of("hub.mode", List.of("subscribe"), "hub.topic", List.of(TOPIC),
                "hub.callback", List.of(subscriber.url(path)), "hub.secret", List.of("kept secret"))));
        assertEquals(1, subscriber.await(path, CallbackServer.Received::isVerification, 1, Duration.ofSeconds(10)).size());
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub.stats().subscriptions() == 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void subscriptionsSurviveARestartAndOnlyTheirOwnerMayReadThem() throws Exception {
        try (Node first = boot()) {
            subscribe(first.hub(), "/kept");
            assertEquals(1, first.hub().stats().subscriptions());
        }
        Path file = data.resolve("websub/subscriptions.json");
        assertTrue(Files.readString(file).contains(subscriber.url("/kept")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "it holds secrets");
        try (Node second = boot()) {
            assertEquals(1, second.hub().stats().subscriptions());
            Thread.sleep(300);
            assertEquals(0, subscriber.received("/kept", CallbackServer.Received::isDelivery).size(), "nothing owed, nothing sent");
            Files.writeString(feeds.resolve("world/2024-06-02-second.txt"), "A second story\n\nIt happened next.\n");
            second.live().reload("world");
            List<CallbackServer.Received> got = subscriber.await("/kept", CallbackServer.Received::isDelivery, 1, Duration.ofSeconds(10));
            assertEquals(1, got.size(), "the subscription from before the restart gets the change");
            assertTrue(got.get(0).text().contains("A second story"));
            assertTrue(got.get(0).header("X-Hub-Signature").startsWith("sha256="), "signed with the secret kept");
        }
    }

    @Test
    void aDeliveryOwedWhenTheHubStoppedIsMadeAfterTheStart() throws Exception {
        subscriber.on("/owed", r -> r.isVerification() ? CallbackServer.CONFIRM.apply(r) : CallbackServer.Reply.of(503, "down"));
        try (Node first = boot()) {
            subscribe(first.hub(), "/owed");
            Files.writeString(feeds.resolve("world/2024-06-02-second.txt"), "A second story\n\nIt happened next.\n");
            first.live().reload("world");
            assertEquals(1, subscriber.await("/owed", CallbackServer.Received::isDelivery, 1, Duration.ofSeconds(10)).size());
        } // stopped while the delivery waits for its retry
        subscriber.on("/owed", CallbackServer.CONFIRM);
        int before = subscriber.received("/owed", CallbackServer.Received::isDelivery).size();
        try (Node second = boot()) {
            List<CallbackServer.Received> got = subscriber.await("/owed", CallbackServer.Received::isDelivery, before + 1,
                    Duration.ofSeconds(10));
            assertEquals(before + 1, got.size(), "the owed delivery is made after the start");
            assertTrue(got.get(before).text().contains("A second story"));
            Thread.sleep(300);
            assertEquals(0, second.hub().stats().pendingDeliveries());
        }
        try (Node third = boot()) {
            Thread.sleep(500);
            assertEquals(before + 1, subscriber.received("/owed", CallbackServer.Received::isDelivery).size(), "and only once");
            assertEquals(1, third.hub().stats().subscriptions());
        }
    }
}
