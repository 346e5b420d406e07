package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestClock;
import dispatch.article.ArticleParser;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;
import dispatch.feed.Representation;
import dispatch.source.FeedLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents kept in the data folder: a restart serves them before reading any article, with the
 * ETags and bytes of a cold render; a changed article renders only its feed again; a torn or
 * corrupt file, or one kept for another configuration, is never served.
 */
class RenderCacheTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path root;

    private Path feeds;
    private final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void feeds() throws IOException {
        feeds = Files.createDirectories(root.resolve("feeds"));
        for (String feed : List.of("world", "tech", "sport")) {
            Path dir = Files.createDirectories(feeds.resolve(feed));
            Files.writeString(dir.resolve("feed.yaml"), "title: " + feed + "\nlimit: 3\n");
            for (int day = 1; day <= 5; day++) {
                Files.writeString(dir.resolve("2026-05-0" + day + "-story-" + day + ".txt"),
                        "Story " + day + " of " + feed + "\n\nA related headline\n\nIt happened on day " + day + ".\n");
            }
        }
    }

    private boolean bodyFiles;

    private LiveCatalog start(String baseUrl) {
        Links links = new Links(baseUrl);
        Path data = root.resolve("data");
        BodyFiles bodies = bodyFiles ? new BodyFiles(data) : null;
        FeedRendering rendering = new FeedRendering(links, 1, java.time.Duration.ofDays(30), 16, bodies);
        return new LiveCatalog(new FeedLoader(feeds, new ArticleParser(), 1 << 20), rendering, new ValidatorStore(data), new HistoryStore(data),
                new RenderCache(data, "base " + baseUrl, bodies), clock, ChangeTimes.of(clock));
    }

    /** What a start serves before and after reading the articles, and how many feeds it did not render. */
    private record Started(Map<String, Map<FeedFormat, Representation>> warm, Map<String, Map<FeedFormat, Representation>> rendered, int kept) {
    }

    private Started restart(String baseUrl) {
        LiveCatalog live = start(baseUrl);
        Map<String, Map<FeedFormat, Representation>> warm = new HashMap<>();
        Map<String, Map<FeedFormat, Representation>> rendered = new HashMap<>();
        for (String feed : List.of("world", "tech", "sport")) {
            live.warmUp(feeds.resolve(feed));
            warm.put(feed, live.warmDocuments(feed));
        }
        for (String feed : List.of("world", "tech", "sport")) {
            live.reload(feed);
            rendered.put(feed, live.catalog().feeds().get(feed).documents());
        }
        return new Started(warm, rendered, live.cool());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }

    private static void assertSameDocuments(Map<FeedFormat, Representation> expected, Map<FeedFormat, Representation> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((format, r) -> {
            Representation a = actual.get(format);
            assertEquals(r.etag(), a.etag(), what + " " + format);
            assertEquals(r.gzipEtag(), a.gzipEtag(), what + " " + format);
            assertEquals(r.lastModified(), a.lastModified(), what + " " + format);
            assertEquals(r.contentType(), a.contentType(), what + " " + format);
            assertEquals(java.util.Arrays.toString(bytes(r.body())), java.util.Arrays.toString(bytes(a.body())), what + " " + format);
            assertEquals(java.util.Arrays.toString(bytes(r.gzipBody())), java.util.Arrays.toString(bytes(a.gzipBody())), what + " " + format);
        });
    }

    @Test
    void aRestartServesTheKeptDocumentsBeforeReadingAnyArticleWithTheBytesOfAColdRender() {
        Started cold = restart("https://news.example");
        assertEquals(0, cold.kept());
        assertTrue(cold.warm().values().stream().allMatch(Map::isEmpty), "nothing kept yet");
        clock.set(NOW.plusSeconds(3600));
        Started warm = restart("https://news.example");
        assertEquals(3, warm.kept(), "no feed rendered again");
        for (String feed : List.of("world", "tech", "sport")) {
            assertSameDocuments(cold.rendered().get(feed), warm.warm().get(feed), feed + " served at once");
            assertSameDocuments(cold.rendered().get(feed), warm.rendered().get(feed), feed + " once read");
        }
    }

    @Test
    void keptBodyFilesAreCheckedAgainstTheKeptDocumentsAndWrittenAgainWhenTheyDiffer() throws IOException {
        bodyFiles = true;
        Started cold = restart("https://news.example");
        Path atom = cold.rendered().get("world").get(FeedFormat.ATOM).bodyFile().orElseThrow();
        byte[] good = Files.readAllBytes(atom);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(atom, bad);
        Files.delete(cold.rendered().get("tech").get(FeedFormat.RSS).bodyFile().orElseThrow());
        Started warm = restart("https://news.example");
        assertEquals(3, warm.kept(), "no feed rendered again");
        for (String feed : List.of("world", "tech", "sport")) {
            assertTrue(warm.warm().get(feed).values().stream().allMatch(r -> r.bodyFile().isPresent()), feed + " sent from files at once");
            assertSameDocuments(cold.rendered().get(feed), warm.warm().get(feed), feed + " served at once");
            assertSameDocuments(cold.rendered().get(feed), warm.rendered().get(feed), feed + " once read");
        }
        assertArrayEquals(good, Files.readAllBytes(atom), "the corrupt body file was written again");
    }

    @Test
    void aChangedArticleRendersOnlyItsFeedAgain() throws IOException {
        Started cold = restart("https://news.example");
        Files.writeString(feeds.resolve("tech/2026-05-05-story-5.txt"), "Story 5 of tech, corrected\n\nIt happened on day 5.\n");
        Started warm = restart("https://news.example");
        assertEquals(2, warm.kept());
        assertTrue(warm.warm().get("tech").isEmpty(), "its files changed: nothing kept is served");
        assertNotEquals(cold.rendered().get("tech").get(FeedFormat.ATOM).etag(), warm.rendered().get("tech").get(FeedFormat.ATOM).etag());
        assertSameDocuments(cold.rendered().get("world"), warm.rendered().get("world"), "world");
    }

    @Test
    void aTornOrCorruptFileIsRenderedAgainNeverServed() throws IOException {
        Started cold = restart("https://news.example");
        Path world = root.resolve("data/render/world.bin");
        Path tech = root.resolve("data/render/tech.bin");
        Files.write(world, java.util.Arrays.copyOf(Files.readAllBytes(world), (int) Files.size(world) / 2));
        byte[] corrupt = Files.readAllBytes(tech);
        corrupt[corrupt.length / 2] ^= 0x20;
        Files.write(tech, corrupt, StandardOpenOption.TRUNCATE_EXISTING);
        Started warm = restart("https://news.example");
        assertTrue(warm.warm().get("world").isEmpty() && warm.warm().get("tech").isEmpty(), "neither is served");
        assertEquals(1, warm.kept());
        for (String feed : List.of("world", "tech", "sport")) {
            assertSameDocuments(cold.rendered().get(feed), warm.rendered().get(feed), feed);
        }
        assertEquals(3, restart("https://news.example").kept(), "both kept again, whole");
    }

    @Test
    void documentsKeptForAnotherConfigurationAreNotUsed() {
        restart("https://news.example");
        Started other = restart("https://other.example");
        assertEquals(0, other.kept());
        String atom = new String(bytes(other.rendered().get("world").get(FeedFormat.ATOM).body()));
        assertFalse(atom.contains("href=\"https://news.example"), atom);
    }

    @Test
    void aKeyChangesWithEveryInputAndNothingElse() {
        RenderCache cache = new RenderCache(root.resolve("data"), "base https://news.example");
        dispatch.feed.FeedHistory none = dispatch.feed.FeedHistory.NONE;
        Duration life = Duration.ofDays(30);
        String key = cache.key("world", "abc", none, life, NOW);
        assertEquals(key, cache.key("world", "abc", none, life, NOW.plusSeconds(60)));
        assertNotEquals(key, cache.key("tech", "abc", none, life, NOW));
        assertNotEquals(key, cache.key("world", "abd", none, life, NOW));
        assertNotEquals(key, new RenderCache(root.resolve("data"), "base https://other.example").key("world", "abc", none, life, NOW));
        dispatch.feed.FeedHistory tombstone = new dispatch.feed.FeedHistory(3, List.of(), List.of(),
                List.of(new dispatch.feed.Tombstone("gone", NOW.minus(Duration.ofDays(29)))));
        assertNotEquals(key, cache.key("world", "abc", tombstone, life, NOW));
        assertEquals(cache.key("world", "abc", new dispatch.feed.FeedHistory(3, List.of(), List.of(), List.of()), life, NOW.plus(Duration.ofDays(2))),
                cache.key("world", "abc", tombstone, life, NOW.plus(Duration.ofDays(2))), "an expired tombstone is no input");
    }

    @Test
    void theSameBytesInNewFilesAreFoundThenKeptToBeServedAtOnceAgain() throws IOException {
        Started cold = restart("https://news.example");
        Path world = feeds.resolve("world");
        for (Path file : Files.list(world).toList()) { // a copy that keeps times: new inodes, the same bytes
            Path copy = file.resolveSibling(file.getFileName() + ".copy");
            Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Started copied = restart("https://news.example");
        assertEquals(3, copied.kept(), "found by the bytes' digest");
        assertSameDocuments(cold.rendered().get("world"), copied.rendered().get("world"), "world");
        Started again = restart("https://news.example");
        assertSameDocuments(cold.rendered().get("world"), again.warm().get("world"), "served at once again");
    }

    @Test
    void aFeedGoneBeforeItIsReadServesNothingKept() throws IOException {
        restart("https://news.example");
        LiveCatalog live = start("https://news.example");
        live.warmUp(feeds.resolve("sport"));
        assertFalse(live.warmDocuments("sport").isEmpty());
        Files.delete(feeds.resolve("sport/feed.yaml"));
        live.reload("sport");
        assertTrue(live.warmDocuments("sport").isEmpty());
    }

    @Test
    void whatIsKeptForFeedsThatAreGoneIsDeletedOnceTheFeedsAreRead() throws IOException {
        restart("https://news.example");
        Path ghost = root.resolve("data/render/ghost.bin");
        Files.copy(root.resolve("data/render/world.bin"), ghost);
        LiveCatalog live = start("https://news.example");
        List.of("world", "tech", "sport").forEach(live::reload);
        live.forgetKeptOfOtherFeeds();
        assertFalse(Files.exists(ghost));
        assertTrue(Files.exists(root.resolve("data/render/world.bin")));
    }

    @Test
    void aWellSummedFileThatIsNotWellFormedIsNotUsed() throws IOException {
        RenderCache cache = new RenderCache(root.resolve("data"), "base https://news.example");
        String key = cache.key("world", "digest", dispatch.feed.FeedHistory.NONE, Duration.ofDays(30), NOW);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeUTF("dispatch-render-1");
        out.writeUTF(key);
        out.writeUTF("quick");
        out.writeLong(60);
        out.writeLong(0);
        out.writeInt(1);
        out.writeUTF("ATOM");
        out.writeUTF("application/atom+xml");
        out.writeUTF("\"e\"");
        out.writeUTF("\"g\"");
        out.writeInt(-5);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        Files.createDirectories(root.resolve("data/render"));
        Files.write(root.resolve("data/render/world.bin"), bytes.toByteArray());
        assertTrue(cache.read("world", key).isEmpty());
    }
}
