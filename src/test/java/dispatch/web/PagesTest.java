package dispatch.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Http;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The HTML pages a person opens: the index, a feed's home page and an article's permalink page. */
@QuarkusTest
class PagesTest {

    private static final String SEED = "/feeds/world/2018-09-07-erdogan-idlib-offensive";

    @Test
    void indexListsEveryFeedWithAutodiscoveryLinks() {
        Http.raw().get("/").then().statusCode(200)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("ETag", not(equalTo(null)))
                .body(containsString("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World News (RSS)\" href=\"http://localhost:8080/feeds/world/rss.xml\">"))
                .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"World News (Atom)\" href=\"http://localhost:8080/feeds/world/atom.xml\">"))
                .body(containsString("<link rel=\"alternate\" type=\"application/feed+json\" title=\"World News (JSON Feed)\" href=\"http://localhost:8080/feeds/world/feed.json\">"))
                .body(containsString("href=\"http://localhost:8080/feeds/edge/\""))
                .body(containsString("Edge &lt;Cases&gt; &amp; Co"))
                .body(not(containsString("Broken")));
    }

    @Test
    void permalinkPageShowsTheWholeArticle() {
        String html = Http.raw().get(SEED).then().statusCode(200)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Cache-Control", containsString("max-age=900"))
                .extract().asString();
        assertTrue(html.contains("<h1>Erdogan says Idlib offensive poses &#39;serious security risks&#39; for Turkey</h1>"), html);
        assertTrue(html.contains("<time datetime=\"2018-09-07T00:00:00Z\">7 September 2018</time>"));
        assertEquals(18, html.split("<p>", -1).length - 1, "18 paragraphs");
        assertTrue(html.contains("<li id=\"related-turkish-minister-warns-of-mass-migration-from-idlib\">Turkish minister warns of mass migration from Idlib</li>"));
        assertTrue(html.contains("id=\"related-attack-on-idlib-could-lead-to-worst-loss-of-life-this-century-un-official\""));
        assertFalse(html.contains("Latest News"));
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    }

    @Test
    void everyLinkInAFeedOpensARealPage() {
        for (String id : new String[] {"world", "edge", "linked"}) {
            String atom = Http.raw().get("/feeds/" + id + "/atom.xml").then().statusCode(200).extract().asString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"http://localhost:8080([^\"#]*)").matcher(atom);
            int links = 0;
            while (m.find()) {
                Http.raw().get(m.group(1)).then().statusCode(200);
                links++;
            }
            assertTrue(links >= 3, id + " has links");
        }
    }

    @Test
    void markupInArticlesIsEscapedOnPages() {
        String html = Http.raw().get("/feeds/edge/2024-06-01-markup").then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; and a bare &amp;"));
        assertFalse(html.contains("\u0001"));
    }

    @Test
    void aRelatedHeadlineThatIsAnotherArticlesTitleLinksToIt() {
        Http.raw().get("/feeds/edge/2024-06-05-front-matter").then().statusCode(200)
                .body(containsString("<a href=\"http://localhost:8080/feeds/edge/2024-06-04-headline-only\">Only a headline here</a>"))
                .body(containsString("<h1>Front matter sets this title</h1>"))
                .body(containsString("Jane Reporter"));
    }

    @Test
    void feedHomeListsItsArticlesAndHowToSubscribe() {
        Http.raw().get("/feeds/world/").then().statusCode(200)
                .body(containsString("href=\"http://localhost:8080/feeds/world/2018-09-07-erdogan-idlib-offensive\""))
                .body(containsString("feed reader"))
                .body(containsString("<code>http://localhost:8080/feeds/world/atom.xml</code>"));
        Response r = Http.raw().get("/feeds/world");
        assertEquals(301, r.statusCode());
        assertEquals("http://localhost:8080/feeds/world/", r.header("Location"));
    }

    @Test
    void draftsAndBadFilesHaveNoPage() {
        for (String slug : new String[] {"2024-06-07-draft", "2024-05-01-binary", "2024-05-03-empty", "2024-05-05-typo"}) {
            Http.raw().get("/feeds/edge/" + slug).then().statusCode(404).header("Content-Type", "application/problem+json");
        }
    }

    @Test
    void pagesFollowTheCachingContractToo() {
        Response ok = Http.raw().get(SEED);
        Http.raw().header("If-None-Match", ok.header("ETag")).get(SEED).then().statusCode(304);
        Http.raw().header("Accept-Encoding", "gzip").get(SEED).then().statusCode(200).header("Content-Encoding", "gzip");
        Http.raw().post(SEED).then().statusCode(405).header("Allow", "GET, HEAD");
        Http.raw().delete("/").then().statusCode(405);
    }

    @Test
    void healthListsEverySkippedFileWithItsReason() {
        Http.raw().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'content' }.data.feeds", equalTo(4))
                .body("checks.find { it.name == 'content' }.data.skipped", equalTo(10))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/edge/2024-05-06-utf16.txt'", containsString("UTF-16"))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/edge/2024-05-07-passwd.txt'", containsString("outside the folder"))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/etcfeed'", containsString("outside the folder"))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/edge/2024-05-02-latin1.txt'", containsString("not valid UTF-8"))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/edge/2024-05-04-huge.txt'", containsString("too large"))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/broken/feed.yaml'", containsString("unknown key 'colour'"))
                .body("checks.find { it.name == 'content' }.data.'test-feeds/nofeed/feed.yaml'", containsString("missing"));
    }
}
