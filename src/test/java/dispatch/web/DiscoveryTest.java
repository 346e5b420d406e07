package dispatch.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.Http;
import dispatch.feed.FeedFormat;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How feeds are found: the OPML subscription list, and the page a browser gets at a feed's URL
 * while feed readers get the feed.
 */
@QuarkusTest
class DiscoveryTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void opmlListsEveryFeedUnderTheCachingContract() throws Exception {
        Response r = Http.raw().get("/feeds.opml");
        r.then().statusCode(200)
                .header("Content-Type", "text/x-opml; charset=utf-8")
                .header("Vary", "Accept-Encoding")
                .header("Cache-Control", containsString("public, max-age="));
        Document doc = new SAXBuilder().build(new ByteArrayInputStream(r.asByteArray()));
        assertEquals("2.0", doc.getRootElement().getAttributeValue("version"));
        List<Element> outlines = doc.getRootElement().getChild("body").getChildren("outline");
        assertEquals(List.of("http://localhost:8080/feeds/edge/atom.xml", "http://localhost:8080/feeds/linked/atom.xml",
                "http://localhost:8080/feeds/rich/atom.xml", "http://localhost:8080/feeds/world/atom.xml"),
                outlines.stream().map(o -> o.getAttributeValue("xmlUrl")).toList());
        assertEquals("World News", outlines.get(3).getAttributeValue("text"));
        assertEquals("http://localhost:8080/feeds/world/", outlines.get(3).getAttributeValue("htmlUrl"));
        Http.raw().header("If-None-Match", r.header("ETag")).get("/feeds.opml").then().statusCode(304);
        Http.raw().head("/feeds.opml").then().statusCode(200).body(emptyString());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aBrowserGetsAReadablePageAtTheFeedUrl(FeedFormat format) {
        String path = "/feeds/world/" + format.fileName();
        Response page = Http.raw().header("Accept", BROWSER).get(path);
        page.then().statusCode(200)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Vary", "Accept, Accept-Encoding")
                .body(containsString("<h1>World News</h1>"))
                .body(containsString("<code>http://localhost:8080" + path + "</code>"))
                .body(containsString("feed reader"))
                .body(containsString("Turkish minister warns of mass migration from Idlib"));
        Response feed = Http.raw().get(path);
        assertEquals(format.contentType(), feed.header("Content-Type"));
        Http.raw().header("Accept", BROWSER).header("If-None-Match", page.header("ETag")).get(path).then().statusCode(304);
        Http.raw().header("If-None-Match", page.header("ETag")).get(path).then().statusCode(200)
                .header("Content-Type", format.contentType());
    }

    @Test
    void indexOffersTheOpmlList() {
        Http.raw().get("/").then().statusCode(200).body(containsString("href=\"http://localhost:8080/feeds.opml\""))
                .body(not(containsString("{opml}")));
    }
}
