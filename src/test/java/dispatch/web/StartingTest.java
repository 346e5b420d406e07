package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.NamedPipe;
import dispatch.TestConfig;
import dispatch.catalog.CatalogService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client sees while the feeds are still loading after a start, over real HTTP (Vert.x on
 * a free port, Dispatch's routes, real files): a loaded feed is served, a feed not loaded yet is
 * answered once it is, a name that is no feed is a 404, the lists of all feeds are 503 with
 * {@code Retry-After}, and readiness is down. The load is held by a {@code feed.yaml} that is a
 * named pipe: reading it blocks until the test writes it, as a slow disk would. Plain JUnit.
 */
class StartingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private Vertx vertx;
    private CatalogService store;
    private NamedPipe pipe;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private String base;

    @BeforeEach
    void start() throws Exception {
        Path feeds = Files.createDirectory(root.resolve("feeds"));
        article(feeds, "fast");
        article(feeds, "slow");
        pipe = NamedPipe.create(feeds.resolve("slow").resolve("feed.yaml"));
        Files.writeString(feeds.resolve("fast").resolve("feed.yaml"), "title: Fast\n");

        TestConfig config = new TestConfig(feeds);
        store = new CatalogService(config);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new FeedRoutes(new Site(store, config, new RequestMeters(new SimpleMeterRegistry())), config).routes(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        store.start();
    }

    private static void article(Path feeds, String feed) throws IOException {
        Path dir = Files.createDirectory(feeds.resolve(feed));
        Files.writeString(dir.resolve("2024-03-01-news.txt"), "News from " + feed + "\n\nA paragraph that ends a sentence.\n",
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws Exception {
        release(); // never leave the load blocked on the pipe (gives up after 30 s)
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Writes the slow feed's feed.yaml into the pipe, which lets its load go on. */
    private void release() throws Exception {
        pipe.write("title: Slow\n");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return getLater(path).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> getLater(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void servesWhatIsLoadedAndWaitsForTheRest() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.catalog().feed("fast").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the fast feed is published while the slow one is held");
            Thread.sleep(10);
        }
        assertFalse(store.loaded());

        assertEquals(200, get("/feeds/fast/rss.xml").statusCode());
        for (String list : new String[] {"/", "/feeds.opml"}) {
            HttpResponse<String> r = get(list);
            assertEquals(503, r.statusCode(), list);
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(null), list);
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(null), list);
            assertTrue(r.body().contains("\"status\":503"), r.body());
        }
        Readiness health = Readiness.of(new ContentHealthCheck(store).call());
        assertEquals(HealthCheckResponse.Status.DOWN, health.status);
        assertEquals(Boolean.TRUE, health.loading);

        assertEquals(404, get("/feeds/nope/rss.xml").statusCode(), "no such feed folder: a 404 even while loading");

        CompletableFuture<HttpResponse<String>> slow = getLater("/feeds/slow/atom.xml");
        Thread.sleep(300);
        assertFalse(slow.isDone(), "a feed still loading is waited for, not answered 404 or 503");
        release();
        HttpResponse<String> answered = slow.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode());
        assertTrue(answered.body().contains("News from slow"), answered.body());

        store.awaitLoaded(WAIT);
        assertEquals(HealthCheckResponse.Status.UP, new ContentHealthCheck(store).call().getStatus());
        assertEquals(200, get("/feeds/slow/rss.xml").statusCode());
    }

    /** The parts of the readiness answer this test looks at. */
    private record Readiness(HealthCheckResponse.Status status, Object loading) {
        static Readiness of(HealthCheckResponse r) {
            return new Readiness(r.getStatus(), r.getData().map(d -> d.get("loading")).orElse(null));
        }
    }
}
