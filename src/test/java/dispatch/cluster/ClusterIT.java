package dispatch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.websub.CallbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cluster mode end to end, on loopback: a PostgreSQL server of its own, three replicas of the
 * packaged application, and nginx running the shipped {@code config/nginx/cluster.conf} in front.
 * The tests run in order, on one cluster: the last one stops every replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String TOKEN = "cluster-test-token";
    private static final String READER = "newsboat/2.30 (Linux x86_64)";
    private static final List<String> FORMATS = List.of("rss.xml", "atom.xml", "feed.json");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path work;
    private PostgresServer database;
    private final List<Replica> replicas = new ArrayList<>();
    private SharedCache cache;
    private CallbackServer subscriber;

    @BeforeAll
    void startCluster() throws Exception {
        work = Files.createTempDirectory("dispatch-cluster");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // nginx's workers reach their cache
        Path feeds = work.resolve("feeds");
        Files.createDirectories(feeds.resolve("world"));
        Files.copy(Path.of("feeds/world/feed.yaml"), feeds.resolve("world/feed.yaml"));
        Files.copy(Path.of("../shared/seed/000_453ae1b868475b40.txt"), feeds.resolve("world/2018-09-07-erdogan-idlib-offensive.txt"));
        Files.createDirectories(feeds.resolve("short"));
        Files.writeString(feeds.resolve("short/feed.yaml"), "title: Short\ndescription: Kept a minute by caches.\nlanguage: en\nttl: 1\n");
        Files.writeString(feeds.resolve("short/2026-01-01-first.txt"), "The first short story\n\nIt was short, and it was the first.\n");
        database = PostgresServer.start();
        subscriber = CallbackServer.start();
        int cachePort = SharedCache.freePort();
        Map<String, String> settings = Map.of("dispatch.api.token", TOKEN, "dispatch.feeds-dir", feeds.toString(),
                "dispatch.base-url", "http://127.0.0.1:" + cachePort, "dispatch.websub.allowed-callbacks", "127.0.0.0/8",
                "dispatch.websub.retry-delay", "1s");
        for (String name : List.of("replica-1", "replica-2", "replica-3")) {
            replicas.add(Replica.of(name, work.resolve(name), database.jdbcUrl(), settings).start());
        }
        for (Replica r : replicas) {
            r.awaitReady(Duration.ofMinutes(2));
        }
        cache = SharedCache.start(cachePort, replicas, work.resolve("nginx"));
        HttpResponse<String> imported = replicas.get(0).send("POST", "/api/import", null, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"short\"") && imported.body().contains("\"world\""), imported.body());
        awaitSameEverywhere("world", "rss.xml", r -> true);
        awaitSameEverywhere("short", "rss.xml", r -> true);
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Replica r : replicas) {
            r.stop();
        }
        if (cache != null) {
            cache.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(10)
    void aPublishThroughOneReplicaIsServedByEveryReplicaWithTheSameBytesAndValidators() throws Exception {
        String before = etag(replicas.get(0), "world", "atom.xml");
        put(replicas.get(1), "world", "cluster-first", "Published through the second replica\n\nEvery replica serves it alike.\n");
        awaitSameEverywhere("world", "atom.xml", etag -> !etag.equals(before));
        assertSameDocuments("world");
        for (Replica r : replicas) {
            assertEquals(200, r.get("/feeds/world/atom.xml", "User-Agent", READER).statusCode()); // one reader, every replica
        }
    }

    @Test
    @Order(20)
    void aDeletionIsLastModifiedAtItsCommitTimeOnEveryReplica() throws Exception {
        Replica third = replicas.get(2);
        String articleTag = third.send("GET", "/api/feeds/world/articles/cluster-first", null, "Authorization", "Bearer " + TOKEN)
                .headers().firstValue("ETag").orElseThrow();
        String before = etag(third, "world", "atom.xml");
        HttpResponse<String> deleted = third.send("DELETE", "/api/feeds/world/articles/cluster-first", null,
                "Authorization", "Bearer " + TOKEN, "If-Match", articleTag);
        assertEquals(204, deleted.statusCode(), deleted.body());
        awaitSameEverywhere("world", "atom.xml", etag -> !etag.equals(before));
        assertSameDocuments("world");
        Instant committed = Instant.ofEpochSecond(Long.parseLong(database.sql("select floor(extract(epoch from changed_at)) from feed where name = 'world'")
                .replace(".0", "").strip()));
        String expected = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).format(committed.atOffset(ZoneOffset.UTC));
        for (Replica r : replicas) {
            assertEquals(expected, r.get("/feeds/world/atom.xml").headers().firstValue("Last-Modified").orElseThrow(),
                    r + ": Last-Modified is the deletion's commit time");
        }
    }

    @Test
    @Order(30)
    void twoReplicasCreatingOneArticleAtOnceLetOnlyOneSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Replica r : replicas.subList(0, 2)) {
                answers.add(pool.submit(() -> r.send("PUT", "/api/feeds/short/articles/race", "A race between replicas\n\nOnly one wins.\n",
                        "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain; charset=utf-8", "If-None-Match", "*")));
            }
            Set<Integer> statuses = new TreeSet<>();
            for (Future<HttpResponse<String>> a : answers) {
                statuses.add(a.get().statusCode());
            }
            assertEquals(Set.of(201, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(40)
    void aBurstOfChangesThroughEveryReplicaAtOnceEndsTheSameEverywhere() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Replica through = replicas.get(w);
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 4; i++) {
                        put(through, "world", "burst-" + writer + "-" + i, "Burst story " + writer + "-" + i + "\n\nWritten beside two other writers.\n");
                    }
                    String tag = through.send("GET", "/api/feeds/world/articles/burst-" + writer + "-0", null, "Authorization", "Bearer " + TOKEN)
                            .headers().firstValue("ETag").orElseThrow();
                    HttpResponse<String> deleted = through.send("DELETE", "/api/feeds/world/articles/burst-" + writer + "-0", null,
                            "Authorization", "Bearer " + TOKEN, "If-Match", tag);
                    assertEquals(204, deleted.statusCode(), deleted.body());
                    return null;
                }));
            }
            for (Future<Void> w : writers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(1_000); // every replica has copied the last commit by then, the same version on all
        awaitSameEverywhere("world", "atom.xml", etag -> true);
        assertSameDocuments("world");
        String atom = new String(replicas.get(2).get("/feeds/world/atom.xml").body(), StandardCharsets.UTF_8);
        assertTrue(atom.contains("deleted-entry"), "the deletions are published as tombstones");
    }

    @Test
    @Order(45)
    void aFeedWithArchivePagesIsCreatedAndDeletedThroughTheApiOnEveryReplica() throws Exception {
        Replica first = replicas.get(0);
        HttpResponse<String> created = first.send("PUT", "/api/feeds/gone", "title: Gone\ndescription: Soon deleted.\nlanguage: en\nlimit: 1\n",
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/yaml; charset=utf-8", "If-None-Match", "*");
        assertEquals(201, created.statusCode(), created.body());
        for (int i = 1; i <= 3; i++) {
            put(replicas.get(i % 3), "gone", "2026-02-0" + i + "-story-" + i, "Story " + i + " of a feed soon gone\n\nIt has archive pages.\n");
        }
        awaitSameEverywhere("gone", "atom.xml", etag -> !etag.equals("none"));
        for (Replica r : replicas) {
            assertEquals(200, r.get("/feeds/gone/archive/1/atom.xml").statusCode(), r + " serves the oldest archive page");
        }
        assertSameDocuments("gone");
        String definition = replicas.get(1).send("GET", "/api/feeds/gone", null, "Authorization", "Bearer " + TOKEN)
                .headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> deleted = replicas.get(1).send("DELETE", "/api/feeds/gone", null, "Authorization", "Bearer " + TOKEN,
                "If-Match", definition);
        assertEquals(204, deleted.statusCode(), deleted.body());
        awaitTrue(() -> replicas.stream().allMatch(r -> {
            try {
                return r.get("/feeds/gone/atom.xml").statusCode() == 404;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }), "every replica stops serving the deleted feed");
        assertEquals("0", database.sql("select count(*) from feed_state where feed = 'gone'"));
    }

    @Test
    @Order(50)
    void theHubDeliversEachVersionOnceWhicheverReplicaSeesIt() throws Exception {
        String topic = cache.url("/feeds/world/atom.xml");
        String form = "hub.mode=subscribe&hub.topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "&hub.callback="
                + URLEncoder.encode(subscriber.url("/cb"), StandardCharsets.UTF_8) + "&hub.secret=shared-secret";
        HttpResponse<String> subscribed = HTTP.send(HttpRequest.newBuilder(URI.create(cache.url("/websub")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, subscribed.statusCode(), subscribed.body());
        subscriber.await("/cb", CallbackServer.Received::isVerification, 1, Duration.ofSeconds(20));
        awaitCount("1", "select count(*) from websub_subscription");
        for (int i = 1; i <= 4; i++) {
            String before = etag(replicas.get(0), "world", "atom.xml");
            put(replicas.get(i % 3), "world", "hub-" + i, "Hub story number " + i + "\n\nDelivered once, whichever replica sees it.\n");
            awaitSameEverywhere("world", "atom.xml", etag -> !etag.equals(before));
        }
        List<CallbackServer.Received> deliveries = subscriber.await("/cb",
                r -> r.isDelivery() && r.text().contains("Hub story number 4"), 1, Duration.ofSeconds(30));
        assertEquals(1, deliveries.size());
        Thread.sleep(3_000); // room for a duplicate to arrive, were one sent
        List<String> bodies = subscriber.received("/cb", CallbackServer.Received::isDelivery).stream().map(r -> sha(r.body())).toList();
        assertEquals(bodies.size(), new TreeSet<>(bodies).size(), "a version was delivered twice: " + bodies);
        assertEquals("", database.sql("select etag from websub_delivery group by topic, callback, etag having count(*) > 1"));
        assertEquals(Integer.toString(bodies.size()), database.sql("select count(*) from websub_delivery where outcome = 'delivered'"));
    }

    @Test
    @Order(60)
    void aReplicaWithoutItsDatabaseServesItsLastStateRefusesWritesAndCatchesUp() throws Exception {
        String served = etag(replicas.get(0), "world", "atom.xml");
        database.crash();
        try {
            awaitHealth(replicas.get(0), body -> body.contains("\"writes\": \"refused"));
            HttpResponse<String> refused = replicas.get(0).send("PUT", "/api/feeds/world/articles/during-outage", "Written during an outage\n\nRefused.\n",
                    "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain; charset=utf-8");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            for (Replica r : replicas) {
                assertEquals(served, etag(r, "world", "atom.xml"), r + " serves its last state");
            }
        } finally {
            database.startAgain();
        }
        for (Replica r : replicas) {
            awaitHealth(r, body -> body.contains("\"writes\": \"accepted\""));
        }
        put(replicas.get(0), "world", "after-outage", "Written after the outage\n\nEvery replica caught up.\n");
        awaitSameEverywhere("world", "atom.xml", etag -> !etag.equals(served));
        assertSameDocuments("world");
    }

    @Test
    @Order(70)
    void killingAReplicaUnderLoadCostsClientsNothingAndItCatchesUpWhenItStarts() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<String> paths = Stream.of("world", "short").flatMap(f -> FORMATS.stream().map(x -> "/feeds/" + f + "/" + x)).toList();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int worker = t;
            workers.add(load.submit((Callable<Void>) () -> {
                int i = worker;
                while (running.get()) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cache.url(paths.get(i % paths.size()))))
                            .timeout(Duration.ofSeconds(10)).header("Accept-Encoding", i % 2 == 0 ? "gzip" : "identity");
                    if (i % 3 == 0) {
                        request.header("A-IM", "feed"); // passed through uncached: these reach the replicas
                    }
                    i++;
                    try {
                        int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200 && status != 226 && status != 304) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "status " + status);
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                    requests.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            Thread.sleep(3_000);
            replicas.get(2).kill();
            Thread.sleep(5_000);
        } finally {
            running.set(false);
            for (Future<?> w : workers) {
                w.get();
            }
            load.shutdown();
        }
        assertEquals(0, errors.get(), errors + " of " + requests + " requests failed, the first: " + firstError + "\n" + cache.errors());
        assertTrue(requests.get() > 100, "only " + requests + " requests");

        String before = etag(replicas.get(0), "world", "atom.xml");
        put(replicas.get(1), "world", "while-one-was-down", "Published while a replica was down\n\nIt copies it when it starts.\n");
        awaitTrue(() -> !etag(replicas.get(0), "world", "atom.xml").equals(before), "the live replicas serve the change");
        replicas.get(2).start().awaitReady(Duration.ofMinutes(2));
        awaitSameEverywhere("world", "atom.xml", etag -> !etag.equals(before));
        assertSameDocuments("world");
    }

    @Test
    @Order(80)
    void theCacheServesAPublishWithinMaxAgeAndServesStaleWhenEveryReplicaIsDown() throws Exception {
        HttpResponse<byte[]> primedRss = HTTP.send(HttpRequest.newBuilder(URI.create(cache.url("/feeds/short/rss.xml"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, primedRss.statusCode());
        String cachedAtom = cacheEtag("/feeds/short/atom.xml");
        assertEquals("public, max-age=60, stale-while-revalidate=60, stale-if-error=86400",
                primedRss.headers().firstValue("Cache-Control").orElseThrow());
        long published = System.nanoTime();
        put(replicas.get(1), "short", "second", "The second short story\n\nIt reaches the cache's clients within a minute.\n");
        awaitSameEverywhere("short", "atom.xml", etag -> !etag.equals(cachedAtom));
        String fresh = etag(replicas.get(0), "short", "atom.xml");
        while (!fresh.equals(cacheEtag("/feeds/short/atom.xml"))) {
            assertTrue(System.nanoTime() - published < Duration.ofSeconds(70).toNanos(), "the cache still serves the old version after 70 s");
            Thread.sleep(500);
        }
        long took = (System.nanoTime() - published) / 1_000_000;
        assertTrue(took <= 62_000, "reached the cache's clients after " + took + " ms; max-age is 60 s");

        // one cached copy per normalised Accept-Encoding, whatever each client sends (the world feed's is fresh for 15 minutes)
        cacheStatus("/feeds/world/rss.xml", "gzip");
        assertEquals("HIT", cacheStatus("/feeds/world/rss.xml", "gzip, deflate, br"));
        assertEquals("HIT", cacheStatus("/feeds/world/rss.xml", "br;q=1.0, gzip;q=0.8"));

        for (Replica r : replicas) {
            r.stop();
        }
        HttpResponse<byte[]> stale = HTTP.send(HttpRequest.newBuilder(URI.create(cache.url("/feeds/short/rss.xml"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, stale.statusCode(), cache.errors());
        assertEquals("STALE", stale.headers().firstValue("X-Cache-Status").orElseThrow());
        assertEquals(sha(primedRss.body()), sha(stale.body()));
    }

    @Test
    @Order(90)
    void oneReaderAnsweredByEveryReplicaCountsOnce() throws Exception {
        // the replicas stopped in the last test; stopping, each added its counts to the database
        byte[] salt = HexFormat.of().parseHex(database.sql("select encode(salt, 'hex') from stats_salt where day = current_date"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        sha.update("127.0.0.1".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(READER.getBytes(StandardCharsets.UTF_8));
        long reader = java.nio.ByteBuffer.wrap(sha.digest()).getLong();
        assertEquals("1", database.sql("select count(*) from stats_reader where feed = 'world' and reader = " + reader),
                "the reader, hashed with the day's shared salt, is counted by every replica alike; counted: "
                        + database.sql("select day, feed, reader from stats_reader") + "; salts: " + database.sql("select day from stats_salt"));
        assertEquals("1", database.sql("select count(*) from stats_salt"));
    }

    /** Puts article {@code slug} in {@code feed} through {@code r}; fails unless 201. */
    private void put(Replica r, String feed, String slug, String text) throws IOException, InterruptedException {
        HttpResponse<String> answer = r.send("PUT", "/api/feeds/" + feed + "/articles/" + slug, text, "Authorization", "Bearer " + TOKEN,
                "Content-Type", "text/plain; charset=utf-8", "If-None-Match", "*");
        assertEquals(201, answer.statusCode(), answer.body());
    }

    /** Waits until every replica serves {@code feed}'s {@code format} with one ETag that {@code wanted} accepts. */
    private void awaitSameEverywhere(String feed, String format, Predicate<String> wanted) throws Exception {
        awaitTrue(() -> {
            Set<String> tags = new TreeSet<>();
            for (Replica r : replicas) {
                tags.add(etag(r, feed, format));
            }
            return tags.size() == 1 && wanted.test(tags.iterator().next());
        }, "every replica serves one new version of " + feed + "/" + format);
    }

    /** Asserts every replica serves every document of {@code feed}, identity and gzip, with the same bytes and validators. */
    private void assertSameDocuments(String feed) throws Exception {
        for (String format : FORMATS) {
            for (String encoding : List.of("identity", "gzip")) {
                String path = "/feeds/" + feed + "/" + format;
                Map<String, String> first = null;
                for (Replica r : replicas) {
                    HttpResponse<byte[]> answer = r.get(path, "Accept-Encoding", encoding);
                    assertEquals(200, answer.statusCode(), r + " " + path);
                    Map<String, String> seen = Map.of("sha", sha(answer.body()),
                            "etag", answer.headers().firstValue("ETag").orElseThrow(),
                            "lastModified", answer.headers().firstValue("Last-Modified").orElseThrow());
                    if (first == null) {
                        first = seen;
                    } else {
                        assertEquals(first, seen, r + " serves " + path + " (" + encoding + ") as the first replica does");
                    }
                }
            }
        }
    }

    private static String etag(Replica r, String feed, String format) throws IOException, InterruptedException {
        return r.get("/feeds/" + feed + "/" + format).headers().firstValue("ETag").orElse("none");
    }

    private String cacheEtag(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cache.url(path))).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElse("none");
    }

    private String cacheStatus(String path, String acceptEncoding) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cache.url(path))).header("Accept-Encoding", acceptEncoding).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-Cache-Status").orElse("none");
    }

    private void awaitHealth(Replica r, Predicate<String> wanted) throws Exception {
        awaitTrue(() -> wanted.test(new String(r.get("/q/health/ready").body(), StandardCharsets.UTF_8)), r + "'s health");
    }

    private void awaitCount(String expected, String sql) throws Exception {
        awaitTrue(() -> expected.equals(database.sql(sql)), sql + " = " + expected);
    }

    /** Waits up to 20 s for {@code condition}. */
    private static void awaitTrue(Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            assertTrue(System.nanoTime() < end, "not within 20 s: " + what);
            Thread.sleep(100);
        }
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
