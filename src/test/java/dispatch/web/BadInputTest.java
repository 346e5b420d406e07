package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.io.SyndFeedInput;
import dispatch.RawHttp;
import dispatch.TestFeeds;
import dispatch.feed.FeedFormat;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/**
 * Hostile requests and files, sent to the running application as an attacker would: every one
 * gets a 2xx, 304 or a 4xx problem, never a 5xx, and afterwards every feed still parses and
 * serves the same bytes. The rows of the hardening issue first, then the cases that already held.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENTS = List.of("/feeds/world/rss.xml", "/feeds/world/atom.xml", "/feeds/world/feed.json");
    private static final List<String> ALL = List.of("/feeds/world/rss.xml", "/feeds/world/atom.xml", "/feeds/world/feed.json",
            "/feeds/world/", "/feeds/world/2018-09-07-erdogan-idlib-offensive", "/", "/feeds.opml");
    private static Map<String, String> etagsBefore;

    @Test
    @Order(0)
    void theFeedsAreServedBeforeTheAttacks() throws IOException {
        etagsBefore = etags();
        etagsBefore.forEach((path, etag) -> assertTrue(etag != null && etag.startsWith("\""), path));
    }

    // ---------------------------------------------------------------- the rows

    @Test
    void aLinkToAFileOutsideTheFeedsFolderIsNeverPublished() throws IOException {
        for (String path : List.of("/feeds/edge/rss.xml", "/feeds/edge/atom.xml", "/feeds/edge/feed.json", "/feeds/edge/")) {
            RawHttp.Response r = RawHttp.get(path);
            assertEquals(200, r.status(), path);
            assertFalse(r.body().contains("root:x:0:0"), path + " publishes /etc/passwd");
            assertFalse(r.body().contains("2024-05-07-passwd"), path);
        }
        assertProblem(RawHttp.get("/feeds/edge/2024-05-07-passwd"), 404);
    }

    @Test
    void aLinkToAFolderOutsideTheFeedsFolderIsNeverAFeed() throws IOException {
        for (String path : List.of("/feeds/etcfeed/rss.xml", "/feeds/etcfeed/", "/feeds/etcfeed/passwd")) {
            assertProblem(RawHttp.get(path), 404);
        }
        assertFalse(RawHttp.get("/feeds.opml").body().contains("etcfeed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept: ;", "Accept-Encoding: ;", "Accept: ;;,;", "Accept-Encoding: ,;q=1;,", "Accept: text/html;q=\"", "Accept-Encoding: \"gzip"})
    void oneCharacterHeadersNeverCauseAServerError(String header) throws IOException {
        for (String path : ALL) {
            RawHttp.Response ok = RawHttp.get(path, header);
            assertEquals(200, ok.status(), header + " on " + path + ": " + ok.head());
            RawHttp.Response notModified = RawHttp.get(path, header, "If-None-Match: " + ok.header("ETag"));
            assertEquals(304, notModified.status(), header + " on a revalidation of " + path);
            RawHttp.Response head = RawHttp.exchange("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + header + "\r\n\r\n");
            assertEquals(200, head.status(), header + " on HEAD " + path);
        }
    }

    @Test
    void identityRankedAboveGzipGetsIdentity() throws IOException {
        for (String path : DOCUMENTS) {
            RawHttp.Response r = RawHttp.get(path, "Accept-Encoding: gzip;q=0.5, identity;q=1");
            assertEquals(200, r.status());
            assertNull(r.header("Content-Encoding"), path + " sent gzip to a client that prefers identity");
            assertEquals("gzip", RawHttp.get(path, "Accept-Encoding: gzip;q=1, identity;q=0.5").header("Content-Encoding"));
            assertEquals("gzip", RawHttp.get(path, "Accept-Encoding: gzip;q=0.5").header("Content-Encoding"), "identity not ranked");
            assertNull(RawHttp.get(path, "Accept-Encoding: *;q=1, gzip;q=0.5").header("Content-Encoding"), "* ranks identity");
        }
    }

    @Test
    void twoHostHeadersAreABadRequest() throws IOException {
        assertProblem(RawHttp.exchange("GET /feeds/world/rss.xml HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(RawHttp.exchange("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void aMissingOrMalformedHostIsABadRequest() throws IOException {
        assertProblem(RawHttp.exchange("GET /feeds/world/rss.xml HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
        for (String host : List.of("a b", "<script>", "host:port", "[::1", "x:123456", "host/path")) {
            assertProblem(RawHttp.exchange("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"), 400);
        }
        for (String host : List.of("localhost", "localhost:8080", "127.0.0.1:80", "[::1]:8080", "news.example")) {
            assertEquals(200, RawHttp.exchange("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").status(), host);
        }
        assertEquals(200, RawHttp.exchange("GET / HTTP/1.0\r\n\r\n").status(), "HTTP/1.0 needs no Host");
    }

    @Test
    void aRequestHeadDrippedByteByByteIsCutOff() throws Exception {
        byte[] head = "GET /feeds/world/rss.xml HTTP/1.1\r\nHost: localhost\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        long limit = TestFeeds.REQUEST_HEAD_TIMEOUT.toMillis() + 5_000;
        long start = System.nanoTime();
        int sent = 0;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            boolean closed = false;
            while (!closed && sent < head.length && (System.nanoTime() - start) / 1_000_000 < limit) {
                try {
                    out.write(head[sent++]);
                    out.flush();
                    closed = in.read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    // still open: drip the next byte
                } catch (SocketException e) {
                    closed = true;
                }
            }
            assertTrue(closed, "the connection is still open after " + sent + " bytes in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertTrue(sent < head.length, "the whole head got through");
        }
    }

    @Test
    void otherHttpVersionsGet505() throws IOException {
        for (String version : List.of("HTTP/2.0", "HTTP/1.7", "HTTP/3.0")) {
            assertProblem(RawHttp.exchange("GET /feeds/world/rss.xml " + version + "\r\nHost: localhost\r\n\r\n"), 505);
        }
    }

    @Test
    void aRequestBodyDrippedOrNeverSentIsCutOff() throws Exception {
        long limit = TestFeeds.REQUEST_HEAD_TIMEOUT.toMillis() + 5_000;
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) limit);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/feeds/world/articles/slow HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestFeeds.API_TOKEN
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nA headline").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int b;
            try {
                do {
                    b = in.read();
                } while (b >= 0);
            } catch (SocketException e) {
                b = -1;
            }
            assertEquals(-1, b);
        }
        assertTrue((System.nanoTime() - start) / 1_000_000 < limit, "closed in time");
        assertEquals(404, RawHttp.get("/feeds/world/slow").status(), "nothing was stored");
    }

    @Test
    void anIdleKeepAliveConnectionIsLetGoAndABusyOneIsNot() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) TestFeeds.REQUEST_HEAD_TIMEOUT.toMillis() + 5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write("HEAD /feeds/world/rss.xml HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readHead(in);
                assertTrue(response.startsWith("HTTP/1.1 200"), response);
                Thread.sleep(TestFeeds.REQUEST_HEAD_TIMEOUT.toMillis() / 3);
            }
            assertEquals(-1, in.read(), "closed once idle for the timeout");
        }
    }

    @Test
    void htmlPagesForbidScriptAndFraming() throws IOException {
        for (String path : List.of("/", "/feeds/world/", "/feeds/world/2018-09-07-erdogan-idlib-offensive")) {
            RawHttp.Response r = RawHttp.get(path);
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp != null && csp.startsWith("default-src 'none'") && !csp.contains("script-src") && !csp.contains("unsafe"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("DENY", r.header("X-Frame-Options"), path);
            assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
        }
        RawHttp.Response preview = RawHttp.get("/feeds/world/atom.xml", "Accept: text/html");
        assertTrue(preview.header("Content-Security-Policy").startsWith("default-src 'none'"), "the feed's page for browsers");
        for (String path : DOCUMENTS) {
            assertEquals("nosniff", RawHttp.get(path).header("X-Content-Type-Options"), path);
        }
    }

    // ---------------------------------------------------------------- cases that held

    @ParameterizedTest
    @ValueSource(strings = {"/feeds/..%2F..%2Fetc/rss.xml", "/feeds/%2e%2e/rss.xml", "/feeds/world/..%2f..%2fpom.xml",
        "/feeds/world%00/rss.xml", "/feeds/%ff%fe/rss.xml", "/feeds/world/%00", "/feeds/WORLD/rss.xml", "/feeds/world/rss.xml/x"})
    void traversalAndOddIdsAreNotFound(String path) throws IOException {
        RawHttp.Response r = RawHttp.get(path);
        assertTrue(r.status() == 404 || r.status() == 400, path + ": " + r.head());
        assertFalse(r.body().contains("root:x:0:0"));
    }

    @Test
    void requestHeadsTheCodecCannotReadGetAProblem() throws IOException {
        assertProblem(RawHttp.get("/feeds/world/" + "a".repeat(20_000)), 414);
        assertProblem(RawHttp.get("/feeds/world/rss.xml", "X-Big: " + "b".repeat(40_000)), 431);
        assertProblem(RawHttp.exchange("GET / HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n"), 400);
        assertProblem(RawHttp.exchange("GARBAGE\r\n\r\n"), 400);
        assertProblem(RawHttp.exchange("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n"), 400);
    }

    @Test
    void tenThousandEntityTagsAreJustNotAMatch() throws IOException {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tags.append(i == 0 ? "" : ", ").append("\"").append(i).append("\"");
        }
        assertEquals(200, RawHttp.get("/feeds/world/rss.xml", "If-None-Match: " + tags.substring(0, Math.min(tags.length(), 7_000))).status());
        RawHttp.Response many = RawHttp.exchange("GET /feeds/world/rss.xml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "If-None-Match: \"a\"\r\n".repeat(300) + "\r\n");
        assertEquals(200, many.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"If-Modified-Since: Mon, 99 Foo 2024 25:61:61 GMT", "If-Modified-Since: \u00ff\u00fe", "If-None-Match: W/", "If-None-Match: \"",
        "If-Modified-Since: Sat, 01 Jun 2024 00:00:00 GMT, Sat, 01 Jun 2024 00:00:00 GMT", "If-None-Match: ,,,,", "Accept: text/html;q=0.5;q=1"})
    void malformedConditionalHeadersAreIgnored(String header) throws IOException {
        for (String path : ALL) {
            RawHttp.Response r = RawHttp.get(path, header);
            assertTrue(r.status() == 200 || r.status() == 304, header + " on " + path + ": " + r.head());
        }
    }

    @Test
    void pipelinedRequestsAreEachAnswered() throws IOException {
        String one = "GET /feeds/world/rss.xml HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RawHttp.Response r = RawHttp.exchange(one.repeat(5) + "GET /nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String all = r.head() + "\r\n\r\n" + r.body();
        assertEquals(5, all.split("HTTP/1.1 200", -1).length - 1);
        assertTrue(all.contains("HTTP/1.1 404"));
    }

    @Test
    void otherMethodsAreNotAllowedWithAProblem() throws IOException {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE")) {
            RawHttp.Response r = RawHttp.exchange(method + " /feeds/world/rss.xml HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertTrue(r.status() == 405 || r.status() == 501 || r.status() == 400, method + ": " + r.head());
            assertNotEquals(500, r.status());
        }
    }

    // ---------------------------------------------------------------- afterwards

    @Test
    @Order(Integer.MAX_VALUE)
    void afterwardsTheFeedsStillParseAndServeTheSameBytes() throws Exception {
        assertEquals(etagsBefore, etags(), "every ETag is the same after the attacks");
        for (FeedFormat format : FeedFormat.values()) {
            RawHttp.Response r = RawHttp.get("/feeds/world/" + format.fileName());
            assertEquals(200, r.status());
            if (format == FeedFormat.JSON) {
                JsonNode feed = JSON.readTree(r.body());
                assertTrue(feed.get("items").size() > 0);
            } else {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
                assertTrue(new SyndFeedInput().build(new InputSource(new StringReader(r.body()))).getEntries().size() > 0);
            }
        }
    }

    private static Map<String, String> etags() throws IOException {
        Map<String, String> etags = new TreeMap<>();
        for (String path : ALL) {
            etags.put(path, RawHttp.get(path).header("ETag"));
        }
        return etags;
    }

    private static void assertProblem(RawHttp.Response r, int status) throws IOException {
        assertEquals(status, r.status(), r.head());
        assertEquals("application/problem+json", r.header("Content-Type"), r.head());
        JsonNode problem = JSON.readTree(r.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().length() > 10, r.body());
    }

    private static String readHead(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed mid-response");
            }
            bytes.add((byte) b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
