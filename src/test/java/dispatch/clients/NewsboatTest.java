package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.catalog.CatalogService;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * newsboat (Debian package {@code newsboat}), a terminal feed reader, run without a terminal as
 * {@code newsboat -x reload} with its own urls file, config and SQLite cache in a temporary
 * folder, subscribed to every test feed through a {@link RecordingProxy} that sees what it sends
 * and what it is answered.
 *
 * <p>One newsboat per format: newsboat's cache keys items by guid alone, across all its feeds, so
 * the RSS and Atom documents of one feed (the same entries, the same ids) would take the cached
 * items from each other.
 *
 * <p>newsboat does not read JSON Feed.
 */
@QuarkusTest
class NewsboatTest {

    private static final List<String> FEEDS = List.of("world", "edge", "linked");

    @Inject
    CatalogService store;

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void newsboatStoresEveryEntryAsPublished(FeedFormat format) throws Exception {
        requireNewsboat();
        Path dir = Files.createTempDirectory("dispatch-newsboat-");
        try (RecordingProxy proxy = new RecordingProxy(root.toURI())) {
            subscribe(dir, proxy, format);
            reload(dir);
            assertCacheHoldsEveryEntry(dir, proxy, format);
            proxy.exchanges().forEach(x -> assertEquals(200, x.status(), () -> "first fetch: " + x));
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * newsboat keeps each feed's ETag and Last-Modified in its cache and revalidates with them.
     * newsboat 2.21 (Debian 12's) sends its first conditional request only on the third fetch of a
     * new feed (on the first fetch it stores the validators before the feed's row exists in its
     * cache, so they are lost), with {@code If-None-Match}, {@code If-Modified-Since} and
     * {@code A-IM: feed}. Four reloads, then: every request answered 200 or 304 (never an error,
     * nothing changed, so never a 226 delta), every feed's last fetch a 304
     * to a conditional request carrying the ETag and Last-Modified it was served, and the cache
     * still whole.
     */
    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void laterReloadsAreAnswered304(FeedFormat format) throws Exception {
        requireNewsboat();
        Path dir = Files.createTempDirectory("dispatch-newsboat-");
        try (RecordingProxy proxy = new RecordingProxy(root.toURI())) {
            subscribe(dir, proxy, format);
            for (int i = 0; i < 4; i++) {
                reload(dir);
            }
            List<RecordingProxy.Exchange> all = proxy.exchanges();
            String log = "requests seen:\n" + all.stream().map(Object::toString).collect(Collectors.joining("\n"));
            for (RecordingProxy.Exchange x : all) {
                assertTrue(x.status() == 200 || x.status() == 304, () -> "status of " + x + "\n" + log);
            }
            for (String id : FEEDS) {
                String path = path(id, format);
                List<RecordingProxy.Exchange> fetches = all.stream().filter(x -> x.path().equals(path)).toList();
                assertEquals(4, fetches.size(), () -> "fetches of " + path + "\n" + log);
                assertEquals(200, fetches.get(0).status(), () -> "first fetch of " + path + "\n" + log);
                RecordingProxy.Exchange last = fetches.get(fetches.size() - 1);
                assertNotNull(last.request("If-None-Match"), () -> "the last fetch of " + path + " is not conditional\n" + log);
                assertEquals(304, last.status(), () -> "the last fetch of " + path + "\n" + log);

                List<RecordingProxy.Exchange> revalidated = fetches.stream()
                        .filter(x -> x.request("If-None-Match") != null && x.status() == 304).toList();
                assertFalse(revalidated.isEmpty(), () -> "no fetch of " + path + " was answered 304\n" + log);
                RecordingProxy.Exchange served = fetches.stream().filter(f -> f.status() == 200).reduce((a, b) -> b).orElseThrow();
                for (RecordingProxy.Exchange x : revalidated) {
                    assertEquals(served.response("ETag"), x.request("If-None-Match"), () -> "validator sent in " + x);
                    assertEquals(served.response("ETag"), x.response("ETag"), () -> "ETag of the 304 to " + x);
                    assertNotNull(x.request("If-Modified-Since"), () -> "If-Modified-Since in " + x);
                    assertEquals(httpDate(served.response("Last-Modified")), httpDate(x.request("If-Modified-Since")),
                            () -> "If-Modified-Since in " + x + " against the Last-Modified served");
                    assertEquals(served.response("Cache-Control"), x.response("Cache-Control"), () -> "Cache-Control of the 304 to " + x);
                }
            }
            assertCacheHoldsEveryEntry(dir, proxy, format);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void requireNewsboat() {
        Newsboat.require();
    }

    private static String path(String id, FeedFormat format) {
        return "/feeds/" + id + "/" + format.fileName();
    }

    private static void subscribe(Path dir, RecordingProxy proxy, FeedFormat format) throws IOException {
        Newsboat.subscribe(dir, FEEDS.stream().map(id -> proxy.url(path(id, format))).toList());
    }

    private static void reload(Path dir) throws IOException {
        Newsboat.reload(dir);
    }

    /** newsboat's cache holds every published entry of every feed, with its title, url and date. */
    private void assertCacheHoldsEveryEntry(Path dir, RecordingProxy proxy, FeedFormat format) throws IOException {
        String log = Newsboat.log(dir);
        JsonNode feeds = query(dir, "SELECT rssurl, title FROM rss_feed");
        JsonNode items = query(dir, "SELECT feedurl, guid, title, url, pubDate FROM rss_item WHERE deleted = 0");
        for (String id : FEEDS) {
            String feedUrl = proxy.url(path(id, format));
            String where = "newsboat, " + id + " " + format + ": ";
            Map<String, JsonNode> cached = new HashMap<>();
            items.forEach(n -> {
                if (n.get("feedurl").asText().equals(feedUrl)) {
                    cached.put(n.get("guid").asText(), n);
                }
            });
            JsonNode feed = null;
            for (JsonNode f : feeds) {
                if (f.get("rssurl").asText().equals(feedUrl)) {
                    feed = f;
                }
            }
            assertNotNull(feed, () -> where + "not in the cache; newsboat's log:\n" + log);
            assertEquals(store.catalog().feed(id).orElseThrow().snapshot().definition().title(), feed.get("title").asText(), where + "feed title");
            List<Entry> expected = store.catalog().feed(id).orElseThrow().snapshot().entries();
            assertEquals(expected.stream().map(Entry::id).sorted().toList(), cached.keySet().stream().sorted().toList(),
                    () -> where + "guids of the cached items; newsboat's log:\n" + log);
            for (Entry e : expected) {
                JsonNode item = cached.get(e.id());
                // newsboat keeps titles as text: it decodes an Atom type="html" title itself.
                assertEquals(e.title(), item.get("title").asText(), where + e.id() + " title");
                assertEquals(e.link(), item.get("url").asText(), where + e.id() + " url");
                assertEquals(e.published().getEpochSecond(), item.get("pubDate").asLong(), where + e.id() + " pubDate");
            }
        }
    }

    private static JsonNode query(Path dir, String sql) {
        return Newsboat.query(dir, sql);
    }

    private static ZonedDateTime httpDate(String value) {
        assertNotNull(value, "an HTTP date");
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        Newsboat.deleteRecursively(dir);
    }
}
