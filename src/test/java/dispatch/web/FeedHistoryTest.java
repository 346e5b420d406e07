package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Http;
import dispatch.TestFeeds;
import dispatch.catalog.CatalogService;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.FeedFormat;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A feed's history over real HTTP, in a feed of its own ({@code limit: 3}) filled through the
 * publish API: RFC 5005 archive pages walked from the current document to the oldest entry in
 * every format, their links and caching; a new article changes no full page; a deletion changes
 * only its page and leaves an RFC 6721 tombstone; pages for people mirror the archives; RFC 3229
 * deltas answer only what they should.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedHistoryTest {

    private static final String FEED = "history";
    private static final String BASE = "/feeds/" + FEED + "/";

    /** Full archive pages' max-age by default: a week. */
    private static final String SEALED_CACHE = "public, max-age=604800, stale-while-revalidate=60, stale-if-error=86400";

    @Inject
    CatalogService store;

    private static RequestSpecification api() {
        return RestAssured.given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT)))
                .header("Authorization", "Bearer " + TestFeeds.API_TOKEN);
    }

    /** Article {@code n}: one entry (no related headlines), dated day {@code n} of March. */
    static String article(int n) {
        return "---\ndate: 2026-03-" + (n < 10 ? "0" : "") + n + "T08:00:00Z\n---\nHistory article " + n
                + "\n\nThe only paragraph of history article " + n + ", which ends a sentence.\n";
    }

    static void publish(int n) {
        api().contentType("text/plain").body(article(n)).put("/api/feeds/" + FEED + "/articles/a" + (n < 10 ? "0" : "") + n)
                .then().statusCode(201);
    }

    private static Response get(String path) {
        return Http.raw().get(path);
    }

    private static byte[] body(String path) {
        Response r = get(path);
        r.then().statusCode(200);
        return r.asByteArray();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private RenderedFeed feed() {
        return store.catalog().feed(FEED).orElseThrow();
    }

    /** The ids of every entry the feed publishes, current and archived. */
    private Set<String> everyId() {
        return new HashSet<>(feed().history().ids());
    }

    @Test
    @Order(0)
    void tenArticlesArePublished() {
        api().contentType("application/yaml").body("title: History\nlimit: 3\n").put("/api/feeds/" + FEED).then().statusCode(201);
        for (int n = 1; n <= 10; n++) {
            publish(n);
        }
        assertEquals(10, everyId().size());
        assertEquals(3, feed().snapshot().archives().size(), "3 entries current, 7 in pages of 3: 2 full, 1 not");
    }

    @ParameterizedTest
    @Order(1)
    @EnumSource(FeedFormat.class)
    void walkingBackFromTheCurrentDocumentFindsEveryEntryOnce(FeedFormat format) {
        List<String> walked = new ArrayList<>();
        String url = BASE + format.fileName();
        List<String> visited = new ArrayList<>();
        while (url != null) {
            assertFalse(visited.contains(url), "a loop: " + visited);
            visited.add(url);
            byte[] doc = body(url);
            walked.addAll(HistoryDocs.ids(doc, format));
            String older = HistoryDocs.link(doc, format, "prev-archive");
            url = older == null ? null : path(older);
        }
        assertEquals(List.of(BASE + format.fileName(), BASE + "archive/3/" + format.fileName(), BASE + "archive/2/" + format.fileName(),
                BASE + "archive/1/" + format.fileName()), visited);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "an entry published twice: " + walked);
        assertEquals(everyId(), new HashSet<>(walked));
    }

    @ParameterizedTest
    @Order(2)
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void archivePagesLinkTheCurrentDocumentAndTheirNeighbours(FeedFormat format) {
        String name = format.fileName();
        byte[] current = body(BASE + name);
        assertFalse(HistoryDocs.markedArchive(current, format));
        assertEquals(BASE + name, path(HistoryDocs.link(current, format, "self")));
        assertFalse(HistoryDocs.links(current, format).get("hub").isEmpty(), "the current document names its hubs");
        byte[] oldest = body(BASE + "archive/1/" + name);
        assertTrue(HistoryDocs.markedArchive(oldest, format));
        assertEquals(BASE + "archive/1/" + name, path(HistoryDocs.link(oldest, format, "self")));
        assertEquals(BASE + name, path(HistoryDocs.link(oldest, format, "current")));
        assertEquals(BASE + "archive/2/" + name, path(HistoryDocs.link(oldest, format, "next-archive")));
        assertNull(HistoryDocs.link(oldest, format, "prev-archive"));
        assertNull(HistoryDocs.links(oldest, format).get("hub"), "an archive page names no hub");
        byte[] newest = body(BASE + "archive/3/" + name);
        assertEquals(BASE + "archive/2/" + name, path(HistoryDocs.link(newest, format, "prev-archive")));
        assertNull(HistoryDocs.link(newest, format, "next-archive"));
    }

    @Test
    @Order(2)
    void jsonFeedPagesKeepTheirFeedUrlAndNameNoHub() {
        byte[] oldest = body(BASE + "archive/1/feed.json");
        assertEquals(BASE + "feed.json", path(HistoryDocs.link(oldest, FeedFormat.JSON, "feed_url")));
        assertNull(HistoryDocs.links(oldest, FeedFormat.JSON).get("hub"));
        assertNull(HistoryDocs.link(oldest, FeedFormat.JSON, "prev-archive"), "the oldest page has no next_url");
    }

    @Test
    @Order(3)
    void aFullPageIsCachedLongTheNewestAsLongAsTheFeed() {
        Response full = get(BASE + "archive/1/atom.xml");
        full.then().statusCode(200).contentType("application/atom+xml; charset=utf-8")
                .header("Cache-Control", SEALED_CACHE)
                .header("Link", "<http://localhost:8080" + BASE + "archive/1/atom.xml>; rel=\"self\"")
                .header("Vary", "Accept-Encoding");
        String feedCache = get(BASE + "atom.xml").header("Cache-Control");
        get(BASE + "archive/3/atom.xml").then().statusCode(200).header("Cache-Control", feedCache);
        Http.raw().header("If-None-Match", full.header("ETag")).get(BASE + "archive/1/atom.xml").then().statusCode(304)
                .header("ETag", full.header("ETag")).header("Cache-Control", SEALED_CACHE);
        Http.raw().header("Accept-Encoding", "gzip").get(BASE + "archive/1/atom.xml").then().statusCode(200).header("Content-Encoding", "gzip");
        get(BASE + "archive/1/").then().statusCode(200).contentType("text/html; charset=utf-8").header("Cache-Control", feedCache);
        for (String missing : List.of("archive/0/atom.xml", "archive/4/atom.xml", "archive/01/atom.xml", "archive/x/", "archive/1/nope.xml",
                "archive/99999999999/rss.xml")) {
            get(BASE + missing).then().statusCode(404).contentType("application/problem+json");
        }
        Http.raw().post(BASE + "archive/1/atom.xml").then().statusCode(405).header("Allow", "GET, HEAD");
        get("/feeds/no-such-feed/archive/1/atom.xml").then().statusCode(404).contentType("application/problem+json");
    }

    /** Each archive page's bytes and validators, by format. */
    private Map<FeedFormat, List<Response>> pages(int count) {
        Map<FeedFormat, List<Response>> pages = new EnumMap<>(FeedFormat.class);
        for (FeedFormat format : FeedFormat.values()) {
            List<Response> list = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                Response r = get(BASE + "archive/" + n + "/" + format.fileName());
                r.then().statusCode(200);
                list.add(r);
            }
            pages.put(format, list);
        }
        return pages;
    }

    @Test
    @Order(4)
    void aNewArticleChangesNoFullPage() {
        Map<FeedFormat, List<Response>> before = pages(3);
        publish(11);
        Map<FeedFormat, List<Response>> after = pages(3);
        for (FeedFormat format : FeedFormat.values()) {
            for (int i = 0; i < 2; i++) {
                Response was = before.get(format).get(i);
                Response is = after.get(format).get(i);
                assertArrayEquals(was.asByteArray(), is.asByteArray(), format + " page " + (i + 1));
                assertEquals(was.header("ETag"), is.header("ETag"));
                assertEquals(was.header("Last-Modified"), is.header("Last-Modified"));
            }
            assertNotEquals(before.get(format).get(2).header("ETag"), after.get(format).get(2).header("ETag"), "the newest page took an entry");
            assertEquals(2, HistoryDocs.ids(after.get(format).get(2).asByteArray(), format).size());
        }
    }

    @Test
    @Order(5)
    void aDeletionChangesOnlyItsPageAndLeavesATombstone() {
        Map<FeedFormat, List<Response>> before = pages(3);
        String deleted = HistoryDocs.ids(before.get(FeedFormat.ATOM).get(0).asByteArray(), FeedFormat.ATOM).get(1);
        String url = "/api/feeds/" + FEED + "/articles/a02";
        Instant start = Instant.now().minusSeconds(1);
        api().header("If-Match", api().get(url).header("ETag")).delete(url).then().statusCode(204);
        Map<FeedFormat, List<Response>> after = pages(3);
        for (FeedFormat format : FeedFormat.values()) {
            List<String> ids = HistoryDocs.ids(after.get(format).get(0).asByteArray(), format);
            assertFalse(ids.contains(deleted), format + " page 1 still holds " + deleted);
            assertEquals(2, ids.size());
            assertNotEquals(before.get(format).get(0).header("ETag"), after.get(format).get(0).header("ETag"));
            assertFalse(HttpDates.parse(after.get(format).get(0).header("Last-Modified")).orElseThrow()
                    .isBefore(HttpDates.parse(before.get(format).get(0).header("Last-Modified")).orElseThrow()), "Last-Modified moved back");
            for (int i = 1; i < 3; i++) {
                assertEquals(before.get(format).get(i).header("ETag"), after.get(format).get(i).header("ETag"), format + " page " + (i + 1));
            }
        }
        Map<String, String> tombstones = HistoryDocs.tombstones(body(BASE + "atom.xml"));
        assertEquals(Set.of(deleted), tombstones.keySet());
        Instant when = Instant.parse(tombstones.get(deleted));
        assertFalse(when.isBefore(start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), "when: " + when);
        assertFalse(when.isAfter(Instant.now()), "when: " + when);
        for (FeedFormat other : List.of(FeedFormat.RSS, FeedFormat.JSON)) {
            assertFalse(get(BASE + other.fileName()).asString().contains(deleted), other + " has no tombstones");
        }
    }

    @Test
    @Order(6)
    void pagesForPeopleMirrorTheArchives() {
        String home = get(BASE).then().statusCode(200).extract().asString();
        assertTrue(home.contains("History article 11") && home.contains("History article 9"), home);
        assertFalse(home.contains("History article 8<"), "an archived article is on its page, not the home page");
        assertTrue(home.contains("href=\"http://localhost:8080" + BASE + "archive/3/\""), home);
        String newest = get(BASE + "archive/3/").then().statusCode(200).extract().asString();
        assertTrue(newest.contains("History article 8") && newest.contains("History article 7"), newest);
        assertTrue(newest.contains("href=\"http://localhost:8080" + BASE + "\""), "newer: the home page");
        assertTrue(newest.contains("href=\"http://localhost:8080" + BASE + "archive/2/\""), "older");
        String oldest = get(BASE + "archive/1/").then().statusCode(200).extract().asString();
        assertTrue(oldest.contains("History article 1<") && oldest.contains("History article 3"), oldest);
        assertFalse(oldest.contains("Older articles</a>"), "nothing older than page 1");
    }

    private static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @Order(7)
    @EnumSource(FeedFormat.class)
    void aDeltaHoldsOnlyWhatChangedSinceTheVersionTheClientNames(FeedFormat format) {
        String url = BASE + format.fileName();
        Response oldGzip = Http.raw().header("Accept-Encoding", "gzip").get(url);
        Response oldIdentity = get(url);
        List<String> held = HistoryDocs.ids(oldIdentity.asByteArray(), format);
        int n = 12 + format.ordinal();
        publish(n);
        Response fullGzip = Http.raw().header("Accept-Encoding", "gzip").get(url);
        Response fullIdentity = get(url);
        List<String> current = HistoryDocs.ids(fullIdentity.asByteArray(), format);

        Response delta = Http.raw().header("A-IM", "feed").header("If-None-Match", oldGzip.header("ETag")).header("Accept-Encoding", "gzip").get(url);
        delta.then().statusCode(226).header("IM", "feed").header("Cache-Control", "no-store, im").header("Content-Encoding", "gzip")
                .header("ETag", fullGzip.header("ETag")).header("Last-Modified", fullIdentity.header("Last-Modified"))
                .header("Content-Type", fullIdentity.header("Content-Type")).header("Vary", fullIdentity.header("Vary"));
        assertEquals("IM Used", delta.statusLine().substring(delta.statusLine().indexOf("226 ") + 4).strip());
        List<String> added = HistoryDocs.ids(gunzip(delta.asByteArray()), format);
        assertEquals(List.of(current.get(0)), added, "only the new article");
        Set<String> applied = new HashSet<>(held);
        applied.addAll(added);
        assertTrue(applied.containsAll(current), "the client holds every current entry");

        Response identity = Http.raw().header("A-IM", "feed").header("If-None-Match", oldIdentity.header("ETag")).get(url);
        identity.then().statusCode(226).header("ETag", fullIdentity.header("ETag"));
        assertEquals(added, HistoryDocs.ids(identity.asByteArray(), format));
        assertEquals(identity.asByteArray().length, Integer.parseInt(identity.header("Content-Length")));

        // every other request is answered as before
        Http.raw().header("A-IM", "feed").header("If-None-Match", fullIdentity.header("ETag")).get(url).then().statusCode(304);
        Http.raw().header("A-IM", "feed").header("If-None-Match", "\"never-served\"").get(url).then().statusCode(200)
                .header("ETag", fullIdentity.header("ETag"));
        Http.raw().header("A-IM", "feed").header("If-None-Match", "W/" + oldIdentity.header("ETag")).get(url).then().statusCode(200);
        Http.raw().header("A-IM", "feed;q=0").header("If-None-Match", oldIdentity.header("ETag")).get(url).then().statusCode(200);
        Http.raw().header("A-IM", "vcdiff").header("If-None-Match", oldIdentity.header("ETag")).get(url).then().statusCode(200);
        for (String odd : List.of(";", "vcdiff,;", ",", "", " ; q=1", "feed;q=", "feed;q=x")) {
            Http.raw().header("A-IM", odd).header("If-None-Match", oldIdentity.header("ETag")).get(url).then().statusCode(
                    org.hamcrest.Matchers.oneOf(200, 226));
        }
        Http.raw().header("If-None-Match", oldIdentity.header("ETag")).get(url).then().statusCode(200);
        Http.raw().header("A-IM", "feed").header("If-None-Match", oldIdentity.header("ETag")).head(url).then().statusCode(200);
        Http.raw().header("A-IM", "vcdiff, FEED").header("If-None-Match", "\"x\", " + oldIdentity.header("ETag")).get(url).then().statusCode(226);
    }

    @Test
    @Order(8)
    void aDeltaAfterADeletionCarriesItsTombstone() {
        String url = BASE + "atom.xml";
        Response old = get(url);
        String gone = HistoryDocs.ids(old.asByteArray(), FeedFormat.ATOM).get(0);
        String article = "/api/feeds/" + FEED + "/articles/a14";
        api().header("If-Match", api().get(article).header("ETag")).delete(article).then().statusCode(204);
        Response delta = Http.raw().header("A-IM", "feed").header("If-None-Match", old.header("ETag")).get(url);
        delta.then().statusCode(226);
        assertTrue(HistoryDocs.tombstones(delta.asByteArray()).containsKey(gone), delta.asString());
        List<String> back = new ArrayList<>(HistoryDocs.ids(get(url).asByteArray(), FeedFormat.ATOM));
        back.removeAll(HistoryDocs.ids(old.asByteArray(), FeedFormat.ATOM));
        assertEquals(1, back.size(), "the newest archived entry returned to the current document");
        assertEquals(back, HistoryDocs.ids(delta.asByteArray(), FeedFormat.ATOM), "only it is new to the client");
    }

    @Test
    @Order(9)
    void aWholeDocumentInsteadOfADeltaStaysCacheableAndADeltaStaysUncached() {
        String url = BASE + "rss.xml";
        Response old = get(url);
        for (int n = 15; n <= 17; n++) { // limit 3: every entry of the current document is new to this client
            publish(n);
        }
        Response whole = Http.raw().header("A-IM", "feed").header("If-None-Match", old.header("ETag")).get(url);
        whole.then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.startsWith("public, max-age="));
        Response recent = get(url);
        publish(18);
        Http.raw().header("A-IM", "feed").header("If-None-Match", recent.header("ETag")).get(url).then().statusCode(226);
        // another feed changes: what is prepared for the catalog is made again, and the answers stay what they were
        api().contentType("application/yaml").body("title: Another\n").put("/api/feeds/history-other").then().statusCode(201);
        try {
            Http.raw().header("A-IM", "feed").header("If-None-Match", old.header("ETag")).get(url).then().statusCode(200)
                    .header("Cache-Control", org.hamcrest.Matchers.startsWith("public, max-age="));
            Http.raw().header("A-IM", "feed").header("If-None-Match", recent.header("ETag")).get(url).then().statusCode(226)
                    .header("Cache-Control", "no-store, im");
        } finally {
            String etag = api().get("/api/feeds/history-other").header("ETag");
            api().header("If-Match", etag).delete("/api/feeds/history-other").then().statusCode(204);
        }
    }

    @Test
    @Order(10)
    void theHistoryIsKeptInTheDataFolder() throws IOException {
        String kept = java.nio.file.Files.readString(TestFeeds.DATA.resolve("history").resolve(FEED + ".json"));
        for (String id : everyId()) {
            assertTrue(kept.contains(id), id);
        }
        assertTrue(kept.contains("\"tombstones\""), kept);
        assertTrue(Duration.between(feed().versions().current().at(), Instant.now()).toMinutes() < 5);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theFeedIsDeleted() {
        String etag = api().get("/api/feeds/" + FEED).header("ETag");
        api().header("If-Match", etag).delete("/api/feeds/" + FEED).then().statusCode(204);
    }
}
