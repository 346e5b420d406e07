package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestConfig;
import dispatch.catalog.CatalogService;
import dispatch.config.DispatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polite polling: off by default; when on, an unconditional fetch sooner than the interval gets
 * 429 with {@code Retry-After}, a conditional one never does; and the clients remembered stay
 * within their bound under a flood of new ones. Over real HTTP through Dispatch's routes.
 */
class PollingPolicyTest {

    @Test
    void aFloodOfClientsIsForgottenOldestFirst() {
        PollingPolicy policy = new PollingPolicy(Duration.ofMinutes(5), 1000);
        for (int i = 0; i < 100_000; i++) {
            policy.tooSoon("10.0.0." + i + " Agent/" + i, "/feeds/world/rss.xml", i);
        }
        assertEquals(1000, policy.size(), "at most 1,000 remembered");
        assertEquals(Optional.empty(), policy.tooSoon("10.0.0.0 Agent/0", "/feeds/world/rss.xml", 100_001), "the oldest was forgotten");
        assertTrue(policy.tooSoon("10.0.0.99999 Agent/99999", "/feeds/world/rss.xml", 100_002).isPresent(), "the newest is remembered");
    }

    @Test
    void unconditionalFetchesTooSoonGet429ConditionalOnesNever(@TempDir Path root) throws Exception {
        Path feeds = Files.createDirectories(root.resolve("feeds/world")).getParent();
        Files.writeString(feeds.resolve("world/feed.yaml"), "title: World\n");
        Files.writeString(feeds.resolve("world/2024-06-01-a.txt"), "A headline\n\nA paragraph.\n");
        TestConfig base = new TestConfig(feeds);
        DispatchConfig config = new PollingConfig(base);
        CatalogService store = new CatalogService(config);
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            new FeedRoutes(new Site(store, config, new RequestMeters(new SimpleMeterRegistry())), config).routes(router);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            store.start();
            store.awaitLoaded(Duration.ofSeconds(30));
            HttpClient client = HttpClient.newHttpClient();
            URI rss = URI.create("http://127.0.0.1:" + server.actualPort() + "/feeds/world/rss.xml");
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(rss).header("User-Agent", "Impolite/1.0").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(rss).header("User-Agent", "Impolite/1.0").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, again.statusCode(), again.body());
            assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElse(""));
            long retryAfter = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> polite = client.send(HttpRequest.newBuilder(rss).header("User-Agent", "Impolite/1.0")
                        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(304, polite.statusCode(), "a conditional request is never refused");
            }
            HttpResponse<String> other = client.send(HttpRequest.newBuilder(rss).header("User-Agent", "Another/2.0").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, other.statusCode(), "another client is another client");
            HttpResponse<String> atom = client.send(HttpRequest.newBuilder(URI.create(rss.toString().replace("rss.xml", "atom.xml")))
                    .header("User-Agent", "Impolite/1.0").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, atom.statusCode(), "and another document another document");
        } finally {
            store.stop();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The test configuration with polite polling on: one fetch a minute without validators. */
    private record PollingConfig(TestConfig base) implements DispatchConfig {
        @Override public String baseUrl() { return base.baseUrl(); }
        @Override public Path feedsDir() { return base.feedsDir(); }
        @Override public Path dataDir() { return base.dataDir(); }
        @Override public long maxArticleBytes() { return base.maxArticleBytes(); }
        @Override public Optional<java.util.List<String>> furniture() { return base.furniture(); }
        @Override public Shapes shapes() { return base.shapes(); }
        @Override public int gzipLevel() { return base.gzipLevel(); }
        @Override public Cache cache() { return base.cache(); }
        @Override public Http http() { return base.http(); }
        @Override public Watch watch() { return base.watch(); }
        @Override public Source source() { return base.source(); }
        @Override public Cluster cluster() { return base.cluster(); }
        @Override public Api api() { return base.api(); }
        @Override public WebSub websub() { return base.websub(); }
        @Override public AllFeed allFeed() { return base.allFeed(); }
        @Override public Stats stats() { return base.stats(); }
        @Override public History history() { return base.history(); }
        @Override public Polling polling() { return new TestConfig.TestPolling(Optional.of(Duration.ofMinutes(1)), 1000); }
    }
}
