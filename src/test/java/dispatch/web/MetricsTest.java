package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.Http;
import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics}, read by the Prometheus client's own text parser (Debian's
 * python3-prometheus-client): requests counted by feed, format, encoding and status; bytes; the
 * share of 304s; render times; and labels that stay bounded whatever paths are asked for.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every sample of {@code /q/metrics}, as the Prometheus parser reads it. */
    private static JsonNode samples() throws IOException, InterruptedException {
        byte[] text = Http.raw().get("/q/metrics").then().statusCode(200).extract().asByteArray();
        boolean parser = new ProcessBuilder("/usr/bin/python3", "-c", "import prometheus_client").start().waitFor() == 0;
        if (!parser) {
            if ("true".equals(System.getenv("DISPATCH_REQUIRE_CLIENTS"))) {
                throw new AssertionError("python3-prometheus-client is not installed (.ci/run installs it)");
            }
            Assumptions.abort("python3-prometheus-client is not installed");
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/prometheus_dump.py").redirectErrorStream(false).start();
        p.getOutputStream().write(text);
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "the parser reads it: " + new String(p.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8));
        return JSON.readTree(out);
    }

    private static double value(JsonNode samples, String name, Map<String, String> labels) {
        double sum = 0;
        for (JsonNode s : samples) {
            if (!s.get("name").asText().equals(name)) {
                continue;
            }
            boolean match = labels.entrySet().stream().allMatch(l -> l.getValue().equals(s.get("labels").path(l.getKey()).asText()));
            if (match) {
                sum += s.get("value").asDouble();
            }
        }
        return sum;
    }

    @Test
    void requestsAreCountedByFeedFormatEncodingAndStatus() throws Exception {
        JsonNode before = samples();
        Map<String, String> gzip200 = Map.of("feed", "world", "format", "rss", "encoding", "gzip", "status", "200");
        Map<String, String> gzip304 = Map.of("feed", "world", "format", "rss", "encoding", "gzip", "status", "304");
        String etag = Http.raw().header("Accept-Encoding", "gzip").get("/feeds/world/rss.xml").header("ETag");
        Http.raw().header("Accept-Encoding", "gzip").get("/feeds/world/rss.xml").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            Http.raw().header("Accept-Encoding", "gzip").header("If-None-Match", etag).get("/feeds/world/rss.xml").then().statusCode(304);
        }
        Http.raw().get("/feeds/no-such-feed/rss.xml").then().statusCode(404);
        JsonNode after = samples();
        assertEquals(2, value(after, "dispatch_requests_total", gzip200) - value(before, "dispatch_requests_total", gzip200));
        assertEquals(3, value(after, "dispatch_requests_total", gzip304) - value(before, "dispatch_requests_total", gzip304));
        Map<String, String> problems = Map.of("feed", "_none", "status", "4xx");
        assertTrue(value(after, "dispatch_requests_total", problems) > value(before, "dispatch_requests_total", problems));
        Map<String, String> bytes = Map.of("feed", "world", "format", "rss", "encoding", "gzip");
        assertTrue(value(after, "dispatch_response_bytes_total", bytes) - value(before, "dispatch_response_bytes_total", bytes) > 1000,
                "two gzip bodies");
        double share = value(after, "dispatch_not_modified_share", Map.of());
        assertTrue(share > 0 && share < 1, "the share of 304s: " + share);
        assertTrue(value(after, "dispatch_render_seconds_count", Map.of("feed", "world")) >= 1, "render times per feed");
        assertTrue(value(after, "dispatch_render_seconds_bucket", Map.of("feed", "world", "le", "+Inf")) >= 1, "as a histogram");
        assertTrue(value(after, "dispatch_feeds", Map.of()) >= 4);
        assertEquals(10, value(after, "dispatch_skipped_files", Map.of()), "the test feeds' bad files");
        assertTrue(after.toString().contains("dispatch_websub_subscriptions"), "the hub's gauges");
        assertTrue(after.toString().contains("jvm_memory_used_bytes"), "the JVM's");
    }

    @Test
    void unknownPathsFoldIntoOneLabel() throws Exception {
        for (int i = 0; i < 40; i++) {
            String random = UUID.randomUUID().toString();
            Http.raw().get("/feeds/" + random + "/rss.xml").then().statusCode(404);
            Http.raw().get("/" + random).then().statusCode(404);
            Http.raw().get("/feeds/world/" + random).then().statusCode(404);
        }
        Set<String> feeds = new HashSet<>();
        for (JsonNode s : samples()) {
            if (s.get("name").asText().startsWith("dispatch_requests")) {
                feeds.add(s.get("labels").path("feed").asText());
            }
        }
        for (String feed : feeds) {
            assertTrue(feed.startsWith("_") || Files.isDirectory(Path.of("target", "test-feeds", feed))
                    || feed.startsWith("api-") || feed.startsWith("websub") || feed.startsWith("history") || feed.equals("summaries"),
                    "a label from the catalog: " + feed);
        }
    }
}
