package dispatch.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Http;
import dispatch.TestFeeds;
import dispatch.feed.FeedFormat;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the HTTP caching contract in design.md, for every feed format, over real HTTP. */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
class CachingContractTest {

    private static String path(FeedFormat format) {
        return "/feeds/world/" + format.fileName();
    }

    private static Response get(FeedFormat format) {
        return Http.raw().get(path(format));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void getAnswersWithBodyAndEveryCachingHeader(FeedFormat format) {
        Response r = get(format);
        r.then().statusCode(200)
                .header("Content-Type", format.contentType())
                .header("Cache-Control", "public, max-age=900, stale-while-revalidate=60, stale-if-error=86400")
                .header("Vary", "Accept, Accept-Encoding")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Encoding", nullValue())
                .header("ETag", startsWith("\""))
                .header("Last-Modified", "Fri, 07 Sep 2018 00:00:02 GMT");
        assertEquals(Integer.parseInt(r.header("Content-Length")), r.asByteArray().length);
        assertTrue(r.header("ETag").endsWith("\"") && r.header("ETag").length() > 10, r.header("ETag"));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void gzipIsThePrecompressedBodyUnderItsOwnStrongEtag(FeedFormat format) throws IOException {
        Response plain = get(format);
        Response gz = Http.raw().header("Accept-Encoding", "gzip, deflate, br").get(path(format));
        gz.then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept, Accept-Encoding")
                .header("Content-Type", format.contentType())
                .header("ETag", startsWith("\""));
        assertNotEquals(plain.header("ETag"), gz.header("ETag"));
        byte[] compressed = gz.asByteArray();
        assertEquals(Integer.parseInt(gz.header("Content-Length")), compressed.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertArrayEquals(plain.asByteArray(), in.readAllBytes());
        }
        assertEquals(gz.header("ETag"), Http.raw().header("Accept-Encoding", "gzip").get(path(format)).header("ETag"),
                "the same bytes every time");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void identityBodyIsSentWholeFromItsFileInTheDataFolder(FeedFormat format) throws IOException {
        Response r = Http.raw().header("Accept-Encoding", "identity").get(path(format));
        byte[] body = r.asByteArray();
        assertEquals(Integer.parseInt(r.header("Content-Length")), body.length);
        Path file = TestFeeds.DATA.resolve("bodies/world").resolve(r.header("ETag").replace("\"", ""));
        assertArrayEquals(Files.readAllBytes(file), body, "sent from " + file);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(
                Http.raw().header("Accept-Encoding", "gzip").get(path(format)).asByteArray()))) {
            assertArrayEquals(in.readAllBytes(), body, "the same bytes as the gzip body");
        }
        Http.raw().header("Accept-Encoding", "identity").head(path(format)).then().statusCode(200)
                .header("Content-Length", Integer.toString(body.length)).body(emptyString());
    }

    @Test
    void aBodyFileGoneBeforeItIsSentIsMadeAgainFromTheGzipBody() throws IOException {
        Response ok = Http.raw().header("Accept-Encoding", "identity").get(path(FeedFormat.RSS));
        Path file = TestFeeds.DATA.resolve("bodies/world").resolve(ok.header("ETag").replace("\"", ""));
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        try {
            Response again = Http.raw().header("Accept-Encoding", "identity").get(path(FeedFormat.RSS));
            again.then().statusCode(200).header("ETag", ok.header("ETag")).header("Content-Length", Integer.toString(bytes.length));
            assertArrayEquals(bytes, again.asByteArray());
        } finally {
            Files.write(file, bytes);
        }
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void gzipWithQualityZeroGetsIdentity(FeedFormat format) {
        Response r = Http.raw().header("Accept-Encoding", "gzip;q=0, identity").get(path(format));
        r.then().statusCode(200).header("Content-Encoding", nullValue()).header("ETag", get(format).header("ETag"));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void matchingIfNoneMatchGets304WithTheSameValidators(FeedFormat format) {
        Response ok = get(format);
        String etag = ok.header("ETag");
        for (String inm : new String[] {etag, "W/" + etag, "\"other\", " + etag, "\"a\",W/" + etag + " ,\"b\"", "*"}) {
            Response r = Http.raw().header("If-None-Match", inm).get(path(format));
            r.then().statusCode(304)
                    .header("ETag", etag)
                    .header("Cache-Control", ok.header("Cache-Control"))
                    .header("Last-Modified", ok.header("Last-Modified"))
                    .header("Vary", "Accept, Accept-Encoding")
                    .body(emptyString());
        }
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void gzipEtagRevalidatesTheGzipVariantOnly(FeedFormat format) {
        String gzipEtag = Http.raw().header("Accept-Encoding", "gzip").get(path(format)).header("ETag");
        Http.raw().header("Accept-Encoding", "gzip").header("If-None-Match", gzipEtag).get(path(format))
                .then().statusCode(304).header("ETag", gzipEtag);
        Http.raw().header("If-None-Match", gzipEtag).get(path(format))
                .then().statusCode(200).header("ETag", not(equalTo(gzipEtag)));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void ifModifiedSinceAtOrAfterLastModifiedGets304(FeedFormat format) {
        Response ok = get(format);
        String lastModified = ok.header("Last-Modified");
        Instant lm = HttpDates.parse(lastModified).orElseThrow();
        for (String ims : new String[] {lastModified, HttpDates.format(lm.plus(1, ChronoUnit.DAYS))}) {
            Http.raw().header("If-Modified-Since", ims).get(path(format)).then().statusCode(304)
                    .header("ETag", ok.header("ETag")).header("Last-Modified", lastModified).body(emptyString());
        }
        Http.raw().header("If-Modified-Since", HttpDates.format(lm.minusSeconds(1))).get(path(format))
                .then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void nonMatchingIfNoneMatchWinsOverIfModifiedSince(FeedFormat format) {
        String lastModified = get(format).header("Last-Modified");
        Http.raw().header("If-None-Match", "\"stale\"").header("If-Modified-Since", lastModified).get(path(format))
                .then().statusCode(200).body(not(emptyString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "Fri, 07 Sep 2018", "", "Sun, 31 Dec 2999 23:59:59 GMT"})
    void malformedOrFutureIfModifiedSinceIsIgnored(String ims) {
        Http.raw().header("If-Modified-Since", ims).get(path(FeedFormat.ATOM)).then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void headHasTheGetHeadersAndNoBody(FeedFormat format) {
        for (String encoding : new String[] {"identity", "gzip"}) {
            Response get = Http.raw().header("Accept-Encoding", encoding).get(path(format));
            Response head = Http.raw().header("Accept-Encoding", encoding).head(path(format));
            head.then().statusCode(200).body(emptyString());
            for (String h : new String[] {"Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control", "Vary",
                    "Content-Encoding", "X-Content-Type-Options"}) {
                assertEquals(get.header(h), head.header(h), h);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feeds/nope/rss.xml", "/feeds/world/nope.xml", "/feeds/..%2F..%2Fetc/rss.xml",
            "/feeds/%2E%2E/feed.yaml", "/feeds/world/feed.yaml", "/feeds/World/rss.xml", "/feeds/broken/rss.xml",
            "/feeds/nofeed/atom.xml", "/etc/passwd", "/feeds/world/..%2F..%2Fpom.xml", "/feeds", "/feeds/",
            "/feeds//rss.xml", "/feeds/world/rss.xml/", "/feeds/world/a/rss.xml", "/feeds/nope/", "/feeds/nope"})
    void unknownFeedsAndPathsAre404Problems(String path) {
        Http.raw().get(path).then().statusCode(404)
                .header("Content-Type", "application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", not(emptyString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) {
        for (FeedFormat format : FeedFormat.values()) {
            Http.raw().request(method, path(format)).then().statusCode(405)
                    .header("Allow", "GET, HEAD")
                    .header("Content-Type", "application/problem+json")
                    .body("status", equalTo(405))
                    .body("detail", containsString(method));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feeds/world/atom.xml", "/", "/feeds/nope/rss.xml"})
    void everyResponseCarriesADateHeader(String path) {
        Response r = Http.raw().get(path);
        Instant date = HttpDates.parse(r.header("Date")).orElseThrow(() -> new AssertionError("no Date: " + r.headers()));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - date.getEpochSecond()) < 60, r.header("Date"));
        Http.raw().header("If-None-Match", "*").get("/feeds/world/atom.xml").then().statusCode(304).header("Date", not(emptyString()));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void ifNoneMatchSplitOverSeveralHeaderLinesIsOneList(FeedFormat format) {
        String etag = get(format).header("ETag");
        Http.raw().header("If-None-Match", "\"other\"").header("If-None-Match", etag).get(path(format))
                .then().statusCode(304);
    }
}
