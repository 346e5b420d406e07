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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public hubs are pinged about a changed feed even when Dispatch's own hub is disabled; a feed
 * read at a start is not news to them; an unreachable hub is retried, then given up, and counted.
 */
class HubPingsTest {

    @TempDir
    Path root;

    @Test
    void publicHubsArePingedWithTheOwnHubDisabled() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (CallbackServer publicHub = CallbackServer.start()) {
            Path feeds = Files.createDirectories(root.resolve("feeds/world")).getParent();
            Files.writeString(feeds.resolve("world/feed.yaml"), "title: World\n");
            Files.writeString(feeds.resolve("world/2024-06-01-first.txt"), "A first story\n\nIt happened.\n");
            String down = "http://127.0.0.1:9/hub"; // the discard port: nothing listens
            List<String> hubs = List.of(publicHub.url("/hub"), down);
            Links links = new Links("https://news.example", hubs);
            LiveCatalog live = new LiveCatalog(new FeedLoader(feeds, new ArticleParser(), 1 << 20), new FeedRendering(links, 1),
                    new ValidatorStore(root.resolve("data")), new HistoryStore(root.resolve("data")), Clock.systemUTC());
            TestWebSub base = TestWebSub.onLoopback().withEnabled(false);
            TestWebSub config = new TestWebSub(false, Optional.of(hubs), base.allowedCallbacks(), base.defaultLease(), base.minLease(),
                    base.maxLease(), base.signatureAlgorithm(), base.maxSubscriptions(), base.maxSubscriptionsPerHost(),
                    base.deliveryConcurrency(), base.deliveryAttempts(), base.retryDelay(), base.maxRetryDelay(), Duration.ofSeconds(1),
                    Duration.ofSeconds(2), 2);
            AtomicBoolean loaded = new AtomicBoolean();
            try (Hub hub = new Hub(config, links, live::catalog, loaded::get, live::reloadIfChanged, root.resolve("data"), vertx,
                    Clock.systemUTC())) {
                live.onChange(hub::changed);
                hub.start();
                live.reload("world"); // the first load
                loaded.set(true);
                Thread.sleep(300);
                assertEquals(0, publicHub.received("/hub").size(), "a feed read at a start is not news");
                Files.writeString(feeds.resolve("world/2024-06-02-second.txt"), "A second story\n\nIt happened next.\n");
                live.reload("world");
                List<CallbackServer.Received> pings = publicHub.await("/hub", CallbackServer.Received::isDelivery, 3, Duration.ofSeconds(10));
                assertEquals(3, pings.size(), "one ping per changed format");
                for (CallbackServer.Received ping : pings) {
                    var form = CallbackServer.query(ping.text());
                    assertEquals("publish", form.get("hub.mode"));
                    assertEquals(form.get("hub.url"), form.get("hub.topic"));
                    assertTrue(form.get("hub.url").startsWith("https://news.example/feeds/world/"), form.toString());
                }
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (hub.stats().failedPings() < 6 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertEquals(6, hub.stats().failedPings(), "each of the 3 pings to the hub that is down tried twice, then given up");
                assertEquals(3, hub.stats().pingsSent());
                assertEquals(0, hub.stats().subscriptions());
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
