package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.TestFeeds;
import dispatch.catalog.CatalogService;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A feed's history as independent clients see it, in a feed of its own ({@code limit: 3}):
 * Python's feedparser walks the RFC 5005 archives of RSS and Atom (and the json module JSON
 * Feed's {@code next_url}) and finds every entry exactly once; feedparser 6.0 and newsboat 2.21,
 * which both send {@code A-IM: feed}, poll through publishes, get 226 deltas, and hold every
 * entry they would have held after a full fetch.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedHistoryClientsTest {

    private static final String FEED = "history-clients";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CatalogService store;

    @TestHTTPResource("/")
    URL root;

    private static int published;

    private static RequestSpecification api() {
        return RestAssured.given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT)))
                .header("Authorization", "Bearer " + TestFeeds.API_TOKEN);
    }

    /** Publishes the next article, dated a day after the one before, with one related headline: two entries. */
    private static void publishNext() {
        int n = ++published;
        String day = (n < 10 ? "0" : "") + n;
        String text = "---\ndate: 2026-04-" + day + "T09:00:00Z\n---\nClient article " + n + "\n\nA related headline of article " + n
                + "\n\nThe only paragraph of client article " + n + ", which ends a sentence.\n";
        api().contentType("text/plain").body(text).put("/api/feeds/" + FEED + "/articles/c" + day).then().statusCode(201);
    }

    private RenderedFeed feed() {
        return store.catalog().feed(FEED).orElseThrow();
    }

    private List<String> currentIds() {
        return feed().snapshot().entries().stream().map(Entry::id).toList();
    }

    private String url(FeedFormat format) {
        return root.toString().replaceAll("/$", "") + "/feeds/" + FEED + "/" + format.fileName();
    }

    private static void requireFeedparser() {
        Clients.require(Files.isExecutable(Path.of("/usr/bin/python3"))
                && Clients.works(List.of("/usr/bin/python3", "-c", "import feedparser")), "Python feedparser (python3-feedparser)");
    }

    @Test
    @Order(0)
    void aFeedWithArchivesIsPublished() {
        api().contentType("application/yaml").body("title: History for clients\nlimit: 3\n").put("/api/feeds/" + FEED).then().statusCode(201);
        for (int i = 0; i < 6; i++) {
            publishNext();
        }
        assertTrue(feed().snapshot().archives().size() >= 3, "12 entries, 3 current: 3 pages");
    }

    @ParameterizedTest
    @Order(1)
    @EnumSource(FeedFormat.class)
    void feedparserWalksTheArchivesToEveryEntryOnce(FeedFormat format) throws Exception {
        requireFeedparser();
        String fmt = format == FeedFormat.JSON ? "json" : "xml";
        JsonNode walk = JSON.readTree(Clients.run(List.of("/usr/bin/python3", "src/test/python/history_walk.py", url(format), fmt,
                store.links().base())));
        List<String> ids = new ArrayList<>();
        for (JsonNode page : walk.get("pages")) {
            assertFalse(page.get("bozo").asBoolean(), () -> "feedparser finds " + page.get("url") + " malformed");
            page.get("ids").forEach(id -> ids.add(id.asText()));
        }
        assertEquals(1 + feed().snapshot().archives().size(), walk.get("pages").size(), walk.toString());
        assertEquals(ids.size(), new HashSet<>(ids).size(), () -> "an entry read twice: " + ids);
        assertEquals(new HashSet<>(feed().history().ids()), new HashSet<>(ids));
    }

    private JsonNode poll(FeedFormat format, String etag) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/feedparser_poll.py", url(format)));
        if (etag != null) {
            command.add(etag);
        }
        return JSON.readTree(Clients.run(command));
    }

    private static List<String> ids(JsonNode poll) {
        List<String> ids = new ArrayList<>();
        poll.get("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @ParameterizedTest
    @Order(2)
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void feedparserPollingThroughPublishesGetsDeltas(FeedFormat format) throws Exception {
        requireFeedparser();
        JsonNode first = poll(format, null);
        assertEquals(200, first.get("status").asInt(), first.toString());
        Set<String> held = new HashSet<>(ids(first));
        publishNext();
        JsonNode second = poll(format, first.get("etag").asText());
        assertEquals(226, second.get("status").asInt(), second.toString());
        assertEquals("feed", second.get("im").asText());
        assertFalse(second.get("bozo").asBoolean(), second.toString());
        assertEquals(2, ids(second).size(), () -> "the new article and its related headline: " + second);
        held.addAll(ids(second));
        assertTrue(held.containsAll(currentIds()), () -> "held " + held + ", published " + currentIds());
        JsonNode third = poll(format, second.get("etag").asText());
        assertEquals(304, third.get("status").asInt(), "the ETag of the 226 names the current document: " + third);
    }

    @ParameterizedTest
    @Order(3)
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void newsboatReloadingThroughPublishesGetsDeltasAndHoldsEveryEntry(FeedFormat format) throws Exception {
        Newsboat.require();
        Path dir = Files.createTempDirectory("dispatch-newsboat-history-");
        try (RecordingProxy proxy = new RecordingProxy(root.toURI())) {
            String path = "/feeds/" + FEED + "/" + format.fileName();
            String feedUrl = proxy.url(path);
            Newsboat.subscribe(dir, List.of(feedUrl));
            for (int i = 0; i < 3; i++) { // newsboat 2.21 sends its first conditional request on the third
                Newsboat.reload(dir);
            }
            publishNext();
            Newsboat.reload(dir);
            Newsboat.reload(dir);
            List<RecordingProxy.Exchange> fetches = proxy.exchanges().stream().filter(x -> x.path().equals(path)).toList();
            String log = "requests seen:\n" + fetches.stream().map(Object::toString).collect(Collectors.joining("\n"));
            RecordingProxy.Exchange delta = fetches.get(3);
            assertEquals("feed", delta.request("A-IM"), log);
            assertEquals(226, delta.status(), log);
            assertEquals("feed", delta.response("IM"), log);
            assertEquals(304, fetches.get(4).status(), () -> "newsboat holds the ETag of the 226\n" + log);
            JsonNode items = Newsboat.query(dir, "SELECT guid FROM rss_item WHERE deleted = 0 AND feedurl = '" + feedUrl + "'");
            Set<String> cached = new HashSet<>();
            items.forEach(i -> cached.add(i.get("guid").asText()));
            assertTrue(cached.containsAll(currentIds()), () -> "newsboat holds " + cached + ", the feed publishes " + currentIds() + "\n" + log);
        } finally {
            Newsboat.deleteRecursively(dir);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theFeedIsDeleted() {
        String etag = api().get("/api/feeds/" + FEED).header("ETag");
        api().header("If-Match", etag).delete("/api/feeds/" + FEED).then().statusCode(204);
    }
}
