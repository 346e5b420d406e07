package dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The publish API over real HTTP, as a publisher's client uses it: tokens missing, wrong and
 * limited; feed definitions and articles created, read, replaced and deleted with entity tags;
 * every refusal a problem that changes nothing; a 2xx served in every format at once; concurrent
 * writers; and files dropped into the folder picked up by the watcher. Works in feeds of its
 * own, removed at the end, so the other tests' feeds never change.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishApiTest {

    private static final String FEED = "api-live";
    private static final String ARTICLE = "A headline from the API\n\nA related headline\n\nThe first paragraph, which ends a sentence.\n";

    private static final String REFUSED = ARTICLE.replace("A headline", "Refused headline");

    private static RequestSpecification api(String token) {
        RequestSpecification spec = RestAssured.given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                                .encodeContentTypeAs("application/yaml", ContentType.TEXT).encodeContentTypeAs("text/markdown", ContentType.TEXT))
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .urlEncodingEnabled(false);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification api() {
        return api(TestFeeds.API_TOKEN);
    }

    @Test
    @Order(0)
    void aFeedIsCreatedWithItsDefinition() {
        api().contentType("application/yaml").body("title: Live from the API\n").put("/api/feeds/" + FEED).then().statusCode(201);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theFeedIsDeletedWithItsArticles() {
        String etag = api().get("/api/feeds/" + FEED).header("ETag");
        api().header("If-Match", etag).delete("/api/feeds/" + FEED).then().statusCode(204);
        api().get("/feeds/" + FEED + "/rss.xml").then().statusCode(404);
    }

    private static void assertProblem(Response r, int status, String type) {
        r.then().statusCode(status).contentType("application/problem+json");
        assertEquals(type, r.jsonPath().getString("type"), r.asString());
        assertTrue(r.jsonPath().getString("detail").length() > 10, r.asString());
    }

    @Test
    void tokensMissingWrongOrNotAllowedTheFeedAreRefused() {
        Response missing = api(null).get("/api/feeds/" + FEED + "/articles");
        assertProblem(missing, 401, "urn:dispatch:problem:unauthorized");
        assertTrue(missing.header("WWW-Authenticate").startsWith("Bearer"), missing.header("WWW-Authenticate"));
        Response wrong = api("not-the-token").contentType("text/plain").body(REFUSED).post("/api/feeds/" + FEED + "/articles");
        assertProblem(wrong, 401, "urn:dispatch:problem:unauthorized");
        assertTrue(wrong.header("WWW-Authenticate").contains("invalid_token"));
        assertProblem(api(TestFeeds.LIMITED_TOKEN).contentType("text/plain").body(REFUSED).post("/api/feeds/" + FEED + "/articles"),
                403, "urn:dispatch:problem:feed-not-allowed");
        api(TestFeeds.LIMITED_TOKEN).get("/api/feeds/api-limited").then().statusCode(404); // allowed, but no such feed
        api().get("/feeds/" + FEED + "/rss.xml").then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Refused headline")));
    }

    @Test
    void importIsForClusterModeAndNeedsATokenForEveryFeed() {
        assertProblem(api(null).post("/api/import"), 401, "urn:dispatch:problem:unauthorized");
        assertProblem(api(TestFeeds.LIMITED_TOKEN).post("/api/import"), 403, "urn:dispatch:problem:feed-not-allowed");
        assertProblem(api().post("/api/import"), 404, "urn:dispatch:problem:not-found"); // the feeds directory is the source here
        assertProblem(api().get("/api/import"), 405, "urn:dispatch:problem:method-not-allowed");
    }

    @Test
    void aPostedArticleIsServedInEveryFormatRightAfterThe201() {
        Response created = api().contentType("text/plain; charset=utf-8").body(ARTICLE.replace("A headline", "Posted headline"))
                .post("/api/feeds/" + FEED + "/articles");
        created.then().statusCode(201);
        String location = created.header("Location");
        assertTrue(location.endsWith("/api/feeds/" + FEED + "/articles/" + created.jsonPath().getString("slug")), location);
        assertTrue(created.jsonPath().getString("slug").matches("\\d{4}-\\d{2}-\\d{2}-posted-headline-from-the-api"), created.asString());
        for (String doc : List.of("rss.xml", "atom.xml", "feed.json")) {
            api(null).get("/feeds/" + FEED + "/" + doc).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Posted headline from the API"));
        }
        api(null).get("/feeds/" + FEED + "/" + created.jsonPath().getString("slug")).then().statusCode(200);
        Response stored = api().get("/api/feeds/" + FEED + "/articles/" + created.jsonPath().getString("slug"));
        stored.then().statusCode(200).contentType("text/plain; charset=utf-8");
        assertEquals(ARTICLE.replace("A headline", "Posted headline"), stored.asString(), "the article as written");
        assertEquals(created.header("ETag"), stored.header("ETag"));
        assertProblem(api().contentType("text/plain").body(ARTICLE.replace("A headline", "Posted headline")).post("/api/feeds/" + FEED + "/articles"),
                409, "urn:dispatch:problem:slug-taken");
        api().contentType("text/plain").header("Slug", "My Chosen Slug").body(ARTICLE).post("/api/feeds/" + FEED + "/articles")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/articles/my-chosen-slug"));
    }

    @Test
    void replacingNeedsTheCurrentEntityTag() {
        String url = "/api/feeds/" + FEED + "/articles/replace-me";
        Response created = api().contentType("text/markdown").body("# Version one\n\nThe first version of the text.\n").put(url);
        created.then().statusCode(201);
        String v1 = created.header("ETag");
        assertProblem(api().contentType("text/markdown").body("# Version two\n\nText.\n").put(url), 428, "urn:dispatch:problem:precondition-required");
        assertProblem(api().contentType("text/markdown").header("If-Match", "\"stale\"").body("# Version two\n\nText.\n").put(url),
                412, "urn:dispatch:problem:precondition-failed");
        assertProblem(api().contentType("text/markdown").header("If-None-Match", "*").body("# Version two\n\nText.\n").put(url),
                412, "urn:dispatch:problem:precondition-failed");
        Response replaced = api().contentType("text/markdown").header("If-Match", v1).body("# Version two\n\nThe second version.\n").put(url);
        replaced.then().statusCode(200);
        assertNotEquals(v1, replaced.header("ETag"));
        api(null).get("/feeds/" + FEED + "/atom.xml").then().body(org.hamcrest.Matchers.containsString("Version two"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Version one")));
        assertProblem(api().delete(url), 428, "urn:dispatch:problem:precondition-required");
        assertProblem(api().header("If-Match", v1).delete(url), 412, "urn:dispatch:problem:precondition-failed");
        api().header("If-Match", replaced.header("ETag")).delete(url).then().statusCode(204);
        assertProblem(api().get(url), 404, "urn:dispatch:problem:not-found");
        api(null).get("/feeds/" + FEED + "/atom.xml").then().body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Version two")));
    }

    @Test
    void jsonBodiesAreStoredAsFrontMatterAndText() {
        Response r = api().contentType("application/json")
                .body("{\"title\": \"yes\", \"date\": \"2024-06-01\", \"author\": \"Jane Smith\", \"categories\": [\"Syria\"],"
                        + " \"body\": \"Headline in the text\\n\\nA paragraph of the body.\\n\"}")
                .put("/api/feeds/" + FEED + "/articles/from-json");
        r.then().statusCode(201);
        String stored = api().get("/api/feeds/" + FEED + "/articles/from-json").asString();
        assertTrue(stored.startsWith("---\n") && stored.contains("author: \"Jane Smith\"") && stored.endsWith("A paragraph of the body.\n"), stored);
        api(null).get("/feeds/" + FEED + "/feed.json").then().body(org.hamcrest.Matchers.containsString("\"title\" : \"yes\""));
    }

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String url = "/api/feeds/" + FEED + "/articles/refused";
        assertProblem(api().contentType("application/json").body("{not json").put(url), 400, "urn:dispatch:problem:malformed-body");
        assertProblem(api().contentType("text/plain").body(new byte[] {'a', 0, (byte) 0xff}).put(url), 400, "urn:dispatch:problem:malformed-body");
        assertProblem(api().contentType("application/json").body("{\"titel\": \"x\", \"body\": \"A\\n\\nB.\"}").put(url),
                422, "urn:dispatch:problem:unpublishable");
        Response badFrontMatter = api().contentType("text/plain").body("---\ntitle: T\ndate: someday\n---\nHeadline\n\nBody.\n").put(url);
        assertProblem(badFrontMatter, 422, "urn:dispatch:problem:unpublishable");
        assertTrue(badFrontMatter.jsonPath().getString("detail").contains("(line 3)"), badFrontMatter.asString());
        assertProblem(api().contentType("text/plain").body("   \n\n").put(url), 422, "urn:dispatch:problem:unpublishable");
        assertProblem(api().contentType("text/html").body("<p>x</p>").put(url), 415, "urn:dispatch:problem:unsupported-media-type");
        assertProblem(api().contentType("text/plain; charset=iso-8859-1").body("x").put(url), 415, "urn:dispatch:problem:unsupported-media-type");
        assertProblem(api().contentType("text/plain").body("a".repeat(TestFeeds.MAX_ARTICLE_BYTES + 1)).put(url), 413, "urn:dispatch:problem:too-large");
        assertProblem(api().get("/api/feeds/no-such-feed/articles"), 404, "urn:dispatch:problem:not-found");
        assertProblem(api().contentType("text/plain").body(ARTICLE).put("/api/feeds/" + FEED + "/articles/Not_A_Slug"), 404, "urn:dispatch:problem:not-found");
        assertProblem(api().contentType("text/plain").body(ARTICLE).patch(url), 405, "urn:dispatch:problem:method-not-allowed");
        assertProblem(api().get(url), 404, "urn:dispatch:problem:not-found");
        assertProblem(api().contentType("application/yaml").body("titel: x\n").put("/api/feeds/bad-feed"), 422, "urn:dispatch:problem:unpublishable");
        api().get("/api/feeds/bad-feed").then().statusCode(404);
    }

    @Test
    void concurrentWritersWithTheSameEntityTagGetOneSuccess() throws Exception {
        String url = "/api/feeds/" + FEED + "/articles/contended";
        String v1 = api().contentType("text/plain").body("Contended headline\n\nVersion one of the text.\n").put(url).header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                Callable<Integer> write = () -> api().contentType("text/plain").header("If-Match", v1)
                        .body("Contended headline\n\nVersion " + (n + 2) + " of the text.\n").put(url).statusCode();
                results.add(pool.submit(write));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void filesDroppedRenamedEditedAndDeletedAreServedWithoutARestart() throws Exception {
        Path dir = TestFeeds.DIR.resolve(FEED);
        Path temp = Files.writeString(dir.resolve(".dropped.txt.tmp"), "Dropped by rsync\n\nA paragraph that ends a sentence.\n");
        Files.move(temp, dir.resolve("2024-07-01-dropped.txt"), StandardCopyOption.ATOMIC_MOVE);
        awaitServed("Dropped by rsync", true);
        Files.writeString(dir.resolve("2024-07-01-dropped.txt"), "Edited in place\n\nA paragraph that ends a sentence.\n", StandardCharsets.UTF_8);
        awaitServed("Edited in place", true);
        awaitServed("Dropped by rsync", false);
        Files.delete(dir.resolve("2024-07-01-dropped.txt"));
        awaitServed("Edited in place", false);
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationAndProblemType() {
        String doc = api(null).get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/feeds/{feed}:", "/api/feeds/{feed}/articles:", "/api/feeds/{feed}/articles/{slug}:", "/api/import:")) {
            assertTrue(doc.contains(path), path);
        }
        for (ApiProblem.Kind kind : ApiProblem.Kind.values()) {
            assertTrue(doc.contains(kind.type()), kind.type());
            assertTrue(kind == ApiProblem.Kind.METHOD_NOT_ALLOWED || doc.contains("\"" + kind.status + "\""), kind + " " + kind.status);
        }
        api(null).get("/q/swagger-ui/").then().statusCode(200);
    }

    private static void awaitServed(String text, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (api(null).get("/feeds/" + FEED + "/rss.xml").asString().contains(text) == present) {
                for (String doc : List.of("atom.xml", "feed.json")) {
                    assertEquals(present, api(null).get("/feeds/" + FEED + "/" + doc).asString().contains(text), doc);
                }
                return;
            }
            Thread.sleep(20);
        }
        assertFalse(true, "'" + text + "' is " + (present ? "still not" : "still") + " served after 20 s");
    }
}
