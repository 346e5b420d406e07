package dispatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Chromium;
import dispatch.Http;
import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/stats} and {@code /stats} over real HTTP: requests with recorded aggregator
 * User-Agents (and some not named in the code) counted as their subscribers, other readers once
 * each, browsers and crawlers not at all; the report card; access only with the API token; and
 * the page, opened in headless Chromium, drawing its chart.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
class StatsApiTest {

    private static final String FEED = "/feeds/linked/atom.xml";

    private static void fetch(String agent) {
        Http.raw().header("User-Agent", agent).header("Accept-Encoding", "gzip").get(FEED).then().statusCode(200);
    }

    private static JsonPath stats() {
        return Http.raw().header("Authorization", "Bearer " + TestFeeds.API_TOKEN).get("/api/stats").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void subscribersAreCountedTheWayPublishersKnowFromFeedBurner() {
        long before = stats().getLong("feeds.linked.today.requests");
        fetch("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 120 subscribers; )");
        fetch("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 123 subscribers; )");
        fetch("Mozilla/5.0 (compatible; inoreader.com; 45 subscribers)");
        fetch("Feedbin feed-id:9001 - 8 subscribers");
        fetch("Lettura/3.1 (+https://lettura.example/bot-info; 17 readers)");
        fetch("newsboat/2.21.0 (Linux x86_64)");
        fetch("newsboat/2.21.0 (Linux x86_64)");
        fetch("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36");
        fetch("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)");
        JsonPath s = stats();
        assertEquals(before + 9, s.getLong("feeds.linked.today.requests"));
        Map<String, Object> aggregators = s.getMap("feeds.linked.aggregators");
        assertEquals(123, ((Number) aggregators.get("Feedly|")).intValue(), "the latest count: " + aggregators);
        assertEquals(45, ((Number) aggregators.get("Inoreader|")).intValue());
        assertEquals(8, ((Number) aggregators.get("Feedbin|9001")).intValue());
        assertEquals(17, ((Number) aggregators.get("Lettura|")).intValue(), "an aggregator not named in the code");
        List<Map<String, Object>> series = s.getList("feeds.linked.subscribers");
        long today = ((Number) series.get(series.size() - 1).get("subscribers")).longValue();
        long others = s.getLong("feeds.linked.otherClients");
        assertEquals(123 + 45 + 8 + 17 + others, today, "aggregators' counts plus other readers");
        assertTrue(others >= 1, "newsboat, once");
        List<Map<String, Object>> cards = s.getList("reportCard");
        assertTrue(cards.stream().anyMatch(c -> c.get("family").equals("newsboat") && ((Number) c.get("requests")).intValue() >= 2), cards.toString());
        assertTrue(cards.stream().noneMatch(c -> c.get("family").equals("browser") || c.get("family").equals("bingbot")),
                "browsers and crawlers are not on the card");
    }

    @Test
    void theStatisticsNeedTheToken() {
        Response none = Http.raw().get("/api/stats");
        none.then().statusCode(401).contentType("application/problem+json");
        assertTrue(none.header("WWW-Authenticate").startsWith("Basic"), "a browser asks for it");
        Http.raw().header("Authorization", "Bearer wrong").get("/stats").then().statusCode(401);
        Http.raw().header("Authorization", "Bearer " + TestFeeds.LIMITED_TOKEN).get("/api/stats").then().statusCode(403);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("anyone:" + TestFeeds.API_TOKEN).getBytes(StandardCharsets.UTF_8));
        Http.raw().header("Authorization", basic).get("/stats").then().statusCode(200).contentType("text/html")
                .header("Cache-Control", "no-store");
    }

    @Test
    void thePageDrawsTheChartInChromium(@TempDir Path dir) throws Exception {
        fetch("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 123 subscribers; )");
        String html = Http.raw().header("Authorization", "Bearer " + TestFeeds.API_TOKEN).get("/stats").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<svg class=\"chart\""), html);
        assertTrue(html.split("<circle ", -1).length - 1 >= 30, "a point a day for the feed with a month of history");
        assertTrue(html.contains("<h2>Report card</h2>"), html);
        if (!Files.isExecutable(Chromium.PATH)) {
            if ("true".equals(System.getenv("DISPATCH_REQUIRE_CLIENTS"))) {
                throw new AssertionError("Chromium is not installed (.ci/run installs it)");
            }
            return;
        }
        Path page = Files.writeString(dir.resolve("stats.html"), html);
        Path shot = dir.resolve("stats.png");
        Process p = new ProcessBuilder(Chromium.command(dir.resolve("profile"), "--window-size=800,1000", "--screenshot=" + shot,
                page.toUri().toString())).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS) && p.exitValue() == 0, "Chromium ran");
        int line = Chromium.pixelsNear(ImageIO.read(shot.toFile()), 0x0645ad, 20);
        assertTrue(line > 500, "the chart's blue points and line (a month, TestFeeds writes its history) are drawn: " + line + " pixels");
    }
}
