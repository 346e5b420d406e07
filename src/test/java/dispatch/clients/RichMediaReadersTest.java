package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.Chromium;
import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What independent readers see of the test feed {@code rich}'s images, rights and enclosures:
 * Python's feedparser, sfeed, the three Node parsers (each through {@code media.mjs}), and
 * headless Chromium showing the permalink page with its lead image.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
class RichMediaReadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "http://localhost:8080/feeds/rich/";
    private static final String RIGHTS = "© 2026 Rich Newsroom. Some rights reserved.";
    private static final String PODCAST = "tag:localhost,2026-11-01:/feeds/rich/2026-11-01-podcast";
    private static final String PHOTO = "tag:localhost,2026-11-02:/feeds/rich/2026-11-02-photo";

    @TestHTTPResource("/")
    URL root;

    private String url(String doc) throws Exception {
        return new URL(root, "feeds/rich/" + doc).toString();
    }

    @ParameterizedTest
    @CsvSource({"rss.xml", "atom.xml"})
    void feedparserReadsTheImagesRightsAndEnclosures(String doc) throws Exception {
        Clients.require(Clients.works(List.of("/usr/bin/python3", "-c", "import feedparser")), "Python feedparser (python3-feedparser)");
        JsonNode d = JSON.readTree(Clients.run(List.of("/usr/bin/python3", "src/test/python/feedparser_dump.py", url(doc))));
        assertFalse(d.get("bozo").asBoolean(), d.toString());
        JsonNode feed = d.get("feed");
        assertEquals(RIGHTS, feed.get("rights").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", feed.get("license").asText());
        assertEquals("https://rich.example/", feed.get("link").asText());
        if (doc.equals("atom.xml")) {
            assertEquals(BASE + "icon.png", feed.get("icon").asText());
            assertEquals(BASE + "logo.png", feed.get("logo").asText());
        } else {
            assertEquals(BASE + "logo.png", feed.get("image").asText());
        }
        JsonNode podcast = d.get("entries").get(1);
        assertEquals(PODCAST, podcast.get("id").asText());
        assertEquals(List.of(BASE + "lead.png"), JSON.convertValue(podcast.get("media_thumbnail"), List.class));
        JsonNode enclosures = podcast.get("enclosures");
        assertEquals(BASE + "briefing.mp3", enclosures.get(0).get("href").asText());
        assertEquals("2010", enclosures.get(0).get("length").asText());
        assertEquals("audio/mpeg", enclosures.get(0).get("type").asText());
        if (doc.equals("atom.xml")) {
            assertEquals(3, enclosures.size(), "every enclosure: " + enclosures);
            assertEquals("123456", enclosures.get(1).get("length").asText());
        } else {
            assertEquals(1, enclosures.size(), "RSS: the first; the others are media:content");
            assertTrue(podcast.get("media_content").toString().contains("https://cdn.example/transcript.pdf"), podcast.toString());
        }
        assertEquals(List.of("https://images.example/photo.jpg"), JSON.convertValue(d.get("entries").get(0).get("media_thumbnail"), List.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"rss-parser, rss.xml", "feedsmith, rss.xml", "feedsmith, atom.xml", "feedsmith, feed.json",
        "@rowanmanning/feed-parser, rss.xml", "@rowanmanning/feed-parser, atom.xml"})
    void nodeParsersReadTheImagesRightsAndEnclosures(String parser, String doc) throws Exception {
        Path clients = Path.of("src", "test", "clients");
        Clients.require(Files.isDirectory(clients.resolve("node_modules").resolve(parser)), parser + " (npm ci in src/test/clients)");
        JsonNode d = JSON.readTree(Clients.exec(List.of("node", "media.mjs", parser, url(doc)), clients, Map.of(), null,
                Duration.ofMinutes(1)).orFail());
        JsonNode feed = d.get("feed");
        assertEquals(doc.equals("feed.json") ? BASE + "icon.png" : BASE + "logo.png", feed.get("image").asText(), d.toString());
        if (!doc.equals("feed.json")) {
            assertEquals(RIGHTS, feed.get("rights").asText(), d.toString());
        }
        JsonNode photo = d.get("items").get(0);
        JsonNode podcast = d.get("items").get(1);
        assertEquals(PHOTO, photo.get("id").asText());
        assertEquals("https://images.example/photo.jpg", photo.get("image").asText());
        assertEquals(BASE + "lead.png", podcast.get("image").asText());
        JsonNode first = podcast.get("enclosures").get(0);
        assertEquals(BASE + "briefing.mp3", first.get("url").asText());
        assertEquals("audio/mpeg", first.get("type").asText());
        assertEquals(2010, first.get("length").asLong(), "the file's own length");
        for (JsonNode e : podcast.get("enclosures")) {
            if (e.get("url").asText().endsWith("transcript.pdf")) {
                assertTrue(e.get("length").isNull(), "a length nobody gave is not made up: " + e);
            }
            if (e.get("url").asText().endsWith("briefing-hq.mp3")) {
                assertEquals(123456, e.get("length").asLong());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"rss.xml", "atom.xml"})
    void sfeedReadsTheFirstEnclosure(String doc) throws Exception {
        Clients.require(Clients.onPath("sfeed"), "sfeed (Debian package sfeed)");
        byte[] body = RestAssured.given().accept("application/rss+xml, application/atom+xml").get(url(doc)).asByteArray();
        String tsv = Clients.exec(List.of("sfeed"), null, Map.of(), body, Duration.ofSeconds(30)).orFail();
        String podcast = tsv.lines().filter(l -> l.contains(PODCAST)).findFirst().orElseThrow();
        assertEquals(BASE + "briefing.mp3", podcast.split("\t", -1)[7], "sfeed's enclosure field");
    }

    /** Lets the browser reach the base URL's links (localhost:8080) on the test server's port. */
    private String mapBaseUrl() {
        return "--host-resolver-rules=MAP localhost:8080 127.0.0.1:" + root.getPort();
    }

    @Test
    void chromiumShowsThePermalinkPageWithItsLeadImage(@TempDir Path profile) throws Exception {
        Clients.require(Files.isExecutable(Chromium.PATH), "Chromium (chromium)");
        Path shot = profile.resolve("page.png");
        Clients.exec(Chromium.command(profile.resolve("p"), "--window-size=600,900", "--screenshot=" + shot, mapBaseUrl(), url("2026-11-01-podcast")),
                null, Map.of(), null, Duration.ofSeconds(90)).orFail();
        BufferedImage image = ImageIO.read(shot.toFile());
        int green = Chromium.pixelsNear(image, 0x1ea01e, 12);
        assertTrue(green > 120 * 80 / 2, "the green 120 x 80 lead image is shown (its policy lets it load): " + green + " pixels");
        String dom = Clients.exec(Chromium.command(profile.resolve("q"), "--dump-dom", url("")), null, Map.of(), null, Duration.ofSeconds(90)).orFail();
        assertTrue(dom.contains("<h2>Categories</h2>") && dom.contains(BASE + "categories/science/"), dom);
        assertTrue(new String(Files.readAllBytes(shot), StandardCharsets.ISO_8859_1).startsWith("\u0089PNG"));
    }
}
