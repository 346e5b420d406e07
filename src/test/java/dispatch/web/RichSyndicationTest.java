package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Http;
import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The syndication keys of {@code feed.yaml} and front matter, served: the test feed {@code rich}
 * uses every one (an icon, a logo, rights and a licence, categories, the publisher's site; a lead
 * image in the folder and one elsewhere; enclosures in the folder, elsewhere with a length and
 * without). Files of the folder are served under the caching contract; category feeds and the
 * combined feed are served like any feed, and walked from the pages that list them.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
class RichSyndicationTest {

    private static final String BASE = "http://localhost:8080/feeds/rich/";

    @Test
    void feedMetadataIsInEveryFormat() {
        String atom = Http.raw().get("/feeds/rich/atom.xml").then().statusCode(200).extract().asString();
        assertTrue(atom.contains("<icon>" + BASE + "icon.png</icon>"), atom);
        assertTrue(atom.contains("<logo>" + BASE + "logo.png</logo>"), atom);
        assertTrue(atom.contains("<rights>© 2026 Rich Newsroom. Some rights reserved.</rights>"), atom);
        assertTrue(atom.contains("<link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\" />"), atom);
        assertTrue(atom.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://rich.example/\" />"), atom);
        assertTrue(atom.contains("<category term=\"Science\" />"), atom);
        assertFalse(atom.contains("dc:rights") || atom.contains("dc:subject"), "no Dublin Core beside Atom's own");
        String rss = Http.raw().get("/feeds/rich/rss.xml").then().statusCode(200).extract().asString();
        assertTrue(rss.contains("<copyright>© 2026 Rich Newsroom. Some rights reserved.</copyright>"), rss);
        assertTrue(rss.contains("<url>" + BASE + "logo.png</url>"), "RSS image: the wide logo");
        assertTrue(rss.contains("<atom:link href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\" />"), rss);
        assertTrue(rss.contains("<link>https://rich.example/</link>"), rss);
        assertFalse(rss.contains("<width>-1</width>"), rss);
        String json = Http.raw().get("/feeds/rich/feed.json").then().statusCode(200).extract().asString();
        assertTrue(json.contains("\"icon\" : \"" + BASE + "icon.png\""), json);
        assertTrue(json.contains("\"favicon\" : \"" + BASE + "icon.png\""), json);
        assertTrue(json.contains("\"home_page_url\" : \"https://rich.example/\""), json);
    }

    @Test
    void imagesAndEnclosuresAreInEveryFormatWithLengthsNeverGuessed() {
        String rss = Http.raw().get("/feeds/rich/rss.xml").asString();
        assertTrue(rss.contains("xmlns:media=\"http://search.yahoo.com/mrss/\""), rss);
        assertTrue(rss.contains("<enclosure url=\"" + BASE + "briefing.mp3\" length=\"2010\" type=\"audio/mpeg\" />"),
                "one enclosure per item, the first, its length the file's own: " + rss);
        assertTrue(rss.contains("<media:content url=\"https://cdn.example/briefing-hq.mp3\" type=\"audio/mpeg\" fileSize=\"123456\" />"), rss);
        assertTrue(rss.contains("<media:content url=\"https://cdn.example/transcript.pdf\" type=\"application/pdf\" />"),
                "no length given, none written: " + rss);
        assertTrue(rss.contains("<media:thumbnail url=\"" + BASE + "lead.png\" width=\"120\" height=\"80\" />"), rss);
        assertTrue(rss.contains("<media:description type=\"plain\">A green square</media:description>"), rss);
        String atom = Http.raw().get("/feeds/rich/atom.xml").asString();
        assertTrue(atom.contains("<link rel=\"enclosure\" type=\"audio/mpeg\" href=\"" + BASE + "briefing.mp3\" length=\"2010\" />"), atom);
        assertTrue(atom.contains("<link rel=\"enclosure\" type=\"application/pdf\" href=\"https://cdn.example/transcript.pdf\" />"), atom);
        assertTrue(atom.contains("&lt;img src=\"" + BASE + "lead.png\" alt=\"A green square\" width=\"120\" height=\"80\" /&gt;"),
                "the image at the top of the content");
        String json = Http.raw().get("/feeds/rich/feed.json").asString();
        assertTrue(json.contains("\"image\" : \"" + BASE + "lead.png\""), json);
        assertTrue(json.contains("\"url\" : \"" + BASE + "briefing.mp3\",\n      \"mime_type\" : \"audio/mpeg\",\n      \"size_in_bytes\" : 2010"), json);
        assertTrue(json.contains("\"url\" : \"https://cdn.example/transcript.pdf\",\n      \"mime_type\" : \"application/pdf\"\n"), json);
    }

    @Test
    void filesOfTheFolderAreServedUnderTheCachingContract() throws Exception {
        byte[] icon = Files.readAllBytes(Path.of("src/test/resources/test-feeds/rich/icon.png"));
        Response r = Http.raw().header("Accept-Encoding", "gzip").get("/feeds/rich/icon.png");
        r.then().statusCode(200).contentType("image/png").header("Cache-Control", "public, max-age=900, stale-while-revalidate=60, stale-if-error=86400");
        assertNull(r.header("Content-Encoding"), "an image is served as it is");
        assertEquals(icon.length, r.asByteArray().length);
        Http.raw().header("If-None-Match", r.header("ETag")).get("/feeds/rich/icon.png").then().statusCode(304);
        Http.raw().get("/feeds/rich/briefing.mp3").then().statusCode(200).contentType("audio/mpeg").header("Content-Length", "2010");
        Http.raw().get("/feeds/rich/feed.yaml").then().statusCode(404);
        Http.raw().get("/feeds/rich/2026-11-01-podcast.md").then().statusCode(404);
    }

    @Test
    void categoryFeedsAreListedOnTheFeedPageAndServedLikeAnyFeed() {
        String page = Http.raw().get("/feeds/rich/").then().statusCode(200).extract().asString();
        List<String> homes = new ArrayList<>();
        Matcher m = Pattern.compile("<li><a href=\"http://localhost:8080(/feeds/rich/categories/[a-z0-9-]+/)\">").matcher(page);
        while (m.find()) {
            homes.add(m.group(1));
        }
        assertEquals(List.of("/feeds/rich/categories/audio/", "/feeds/rich/categories/science/", "/feeds/rich/categories/world/"), homes);
        assertTrue(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Rich News: Science (Atom)\" href=\""
                + BASE + "categories/science/atom.xml\">"), "autodiscovery of each category feed");
        for (String home : homes) {
            String categoryPage = Http.raw().get(home).then().statusCode(200).contentType("text/html").extract().asString();
            assertTrue(categoryPage.contains("href=\"http://localhost:8080/feeds/rich/2026-11-0"), "articles link their own permalinks");
            assertFalse(categoryPage.contains("/categories/" + home.split("/")[4] + "/2026"), categoryPage);
            for (String doc : List.of("rss.xml", "atom.xml", "feed.json")) {
                Response r = Http.raw().header("Accept-Encoding", "gzip").get(home + doc);
                r.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept, Accept-Encoding");
                assertEquals("<http://localhost:8080" + home + doc + ">; rel=\"self\"", r.header("Link"), "no hub takes category topics");
                Http.raw().header("Accept-Encoding", "gzip").header("If-None-Match", r.header("ETag")).get(home + doc).then().statusCode(304);
            }
        }
        String science = Http.raw().get("/feeds/rich/categories/science/atom.xml").asString();
        assertTrue(science.contains("<title>The morning briefing</title>"));
        assertFalse(science.contains("<title>A photo story</title>"), "only the category's articles");
        assertTrue(science.contains("<id>tag:localhost,2026-11-01:/feeds/rich/2026-11-01-podcast</id>"), "the same ids as in the feed");
        assertTrue(science.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + BASE + "categories/science/atom.xml\" />"));
        assertTrue(science.contains("<icon>" + BASE + "icon.png</icon>"), "the feed's icon");
        Http.raw().get("/feeds/rich/categories/no-such-category/rss.xml").then().statusCode(404).contentType("application/problem+json");
        Http.raw().get("/feeds/rich/categories/science/other.xml").then().statusCode(404);
        Http.raw().get("/feeds/world/categories/science/rss.xml").then().statusCode(404);
    }

    @Test
    void theCombinedFeedHoldsEveryFeedsEntries() {
        String atom = Http.raw().get("/feeds/all/atom.xml").then().statusCode(200).extract().asString();
        assertTrue(atom.contains("<title>All feeds</title>"), atom);
        assertTrue(atom.contains("/feeds/rich/2026-11-01-podcast</id>") && atom.contains("/feeds/world/2018-09-07-erdogan-idlib-offensive</id>"),
                "entries of every feed");
        assertTrue(atom.indexOf("2026-11-02-photo") < atom.indexOf("2018-09-07-erdogan"), "newest first");
        for (String doc : List.of("rss.xml", "atom.xml", "feed.json")) {
            Response r = Http.raw().header("Accept-Encoding", "gzip").get("/feeds/all/" + doc);
            r.then().statusCode(200).header("Content-Encoding", "gzip");
            Http.raw().header("Accept-Encoding", "gzip").header("If-None-Match", r.header("ETag")).get("/feeds/all/" + doc).then().statusCode(304);
        }
        Http.raw().get("/feeds/all/").then().statusCode(200).contentType("text/html");
        Http.raw().redirects().follow(false).get("/feeds/all").then().statusCode(301);
    }

    @Test
    void summaryFeedsCarryTheSummaryAndALinkNeverTheBody() {
        var api = RestAssured.given().header("Authorization", "Bearer " + TestFeeds.API_TOKEN)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT).encodeContentTypeAs("text/markdown", ContentType.TEXT)));
        api.contentType("application/yaml").body("title: Summaries only\ncontent: summary\n").put("/api/feeds/summaries").then().statusCode(201);
        try {
            api.contentType("text/markdown").body("# A long story\n\nIts first paragraph sums it up.\n\nThe secret second paragraph.\n")
                    .put("/api/feeds/summaries/articles/long-story").then().statusCode(201);
            api.contentType("application/json").body("{\"title\": \"With media\", \"image\": {\"url\": \"https://img.example/a.jpg\", \"alt\": \"A\"},"
                    + " \"enclosures\": [{\"url\": \"https://cdn.example/a.mp3\", \"type\": \"audio/mpeg\", \"length\": 99}],"
                    + " \"body\": \"With media\\n\\nPosted as JSON.\\n\"}").put("/api/feeds/summaries/articles/with-media").then().statusCode(201);
            assertTrue(Http.raw().get("/feeds/summaries/feed.json").asString().contains("\"size_in_bytes\" : 99"), "media posted through the API");
            for (String doc : List.of("rss.xml", "atom.xml", "feed.json")) {
                String body = Http.raw().get("/feeds/summaries/" + doc).asString();
                assertTrue(body.contains("Its first paragraph sums it up."), body);
                assertTrue(body.contains("Read the whole article"), body);
                assertFalse(body.contains("secret second paragraph"), "never the body: " + body);
            }
            assertTrue(Http.raw().get("/feeds/summaries/long-story").asString().contains("The secret second paragraph."),
                    "the permalink page has the full text");
        } finally {
            String etag = api.get("/api/feeds/summaries").header("ETag");
            api.header("If-Match", etag).delete("/api/feeds/summaries").then().statusCode(204);
        }
    }

    @Test
    void thePermalinkPageCarriesTheImageForLinkPreviews() {
        Response r = Http.raw().get("/feeds/rich/2026-11-01-podcast");
        String html = r.then().statusCode(200).extract().asString();
        assertTrue(html.contains("<meta property=\"og:image\" content=\"" + BASE + "lead.png\">"), html);
        assertTrue(html.contains("<meta property=\"og:image:alt\" content=\"A green square\">"), html);
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"), html);
        assertTrue(html.contains("<meta property=\"og:title\" content=\"The morning briefing\">"), html);
        assertTrue(html.contains("<img class=\"lead\" src=\"" + BASE + "lead.png\" alt=\"A green square\" width=\"120\" height=\"80\">"), html);
        assertTrue(r.header("Content-Security-Policy").contains("img-src " + BASE + "lead.png;"), "the lead image only may load");
        assertTrue(html.contains("https://cdn.example/briefing-hq.mp3"), "the enclosures are listed");
    }
}
