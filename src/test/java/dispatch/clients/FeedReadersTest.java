package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dispatch.Http;
import dispatch.catalog.CatalogService;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import dispatch.feed.JsonFeedRenderer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every served feed, in every format, read back by parsers other than the code that wrote it —
 * Rome's parser, Python's feedparser, Jackson for JSON Feed — and compared with the entries
 * Dispatch published.
 */
@QuarkusTest
class FeedReadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CatalogService store;

    @TestHTTPResource("/")
    URL root;

    static Stream<Arguments> feedsAndXmlFormats() {
        return Stream.of("world", "edge", "linked")
                .flatMap(id -> Stream.of(Arguments.of(id, FeedFormat.RSS), Arguments.of(id, FeedFormat.ATOM)));
    }

    private List<Entry> published(String id) {
        RenderedFeed feed = store.catalog().feed(id).orElseThrow(() -> new AssertionError("feed " + id + " is not served"));
        return feed.snapshot().entries();
    }

    private static String path(String id, FeedFormat format) {
        return "/feeds/" + id + "/" + format.fileName();
    }

    @ParameterizedTest
    @MethodSource("feedsAndXmlFormats")
    void romeReadsEveryEntryAsPublished(String id, FeedFormat format) throws Exception {
        byte[] body = Http.raw().get(path(id, format)).then().statusCode(200).extract().asByteArray();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        List<Entry> expected = published(id);
        assertEquals(expected.size(), feed.getEntries().size());
        for (int i = 0; i < expected.size(); i++) {
            Entry e = expected.get(i);
            SyndEntry se = feed.getEntries().get(i);
            boolean html = se.getTitleEx() != null && "html".equals(se.getTitleEx().getType());
            assertEquals(e.title(), html ? unescape(se.getTitle()) : se.getTitle());
            assertEquals(e.link(), se.getLink());
            assertEquals(e.id(), se.getUri());
            assertEquals(e.published(), se.getPublishedDate().toInstant());
            if (format == FeedFormat.ATOM) {
                assertEquals(e.updated(), se.getUpdatedDate().toInstant());
                List<String> related = se.getLinks().stream().filter(l -> "related".equals(l.getRel())).map(SyndLink::getHref).toList();
                assertEquals(e.related().stream().map(Entry.RelatedLink::href).toList(), related);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("feedsAndXmlFormats")
    void feedparserReadsEveryEntryAsPublished(String id, FeedFormat format) throws Exception {
        Clients.require(Files.isExecutable(Path.of("/usr/bin/python3"))
                && Clients.works(List.of("/usr/bin/python3", "-c", "import feedparser")), "Python feedparser (python3-feedparser)");
        String out = Clients.run(List.of("/usr/bin/python3", "src/test/python/feedparser_dump.py",
                new URL(root, path(id, format).substring(1)).toString()));
        JsonNode d = JSON.readTree(out);
        assertFalse(d.get("bozo").asBoolean(), () -> "feedparser reports the feed malformed: " + d.get("bozo_exception"));
        assertEquals(200, d.get("status").asInt());
        assertEquals(store.catalog().feed(id).orElseThrow().snapshot().definition().title(), d.at("/feed/title").asText());
        List<Entry> expected = published(id);
        JsonNode entries = d.get("entries");
        assertEquals(expected.size(), entries.size());
        for (int i = 0; i < expected.size(); i++) {
            Entry e = expected.get(i);
            JsonNode fe = entries.get(i);
            assertEquals(e.id(), fe.get("id").asText());
            boolean html = "text/html".equals(fe.get("title_type").asText());
            assertEquals(e.title(), html ? unescape(fe.get("title").asText()) : fe.get("title").asText());
            assertEquals(e.link(), fe.get("link").asText());
            ZonedDateTime p = e.published().atZone(ZoneOffset.UTC);
            assertEquals(List.of(p.getYear(), p.getMonthValue(), p.getDayOfMonth(), p.getHour(), p.getMinute(), p.getSecond()),
                    JSON.convertValue(fe.get("published_parsed"), List.class));
            if (format == FeedFormat.ATOM) {
                List<String> related = new ArrayList<>();
                fe.get("related").forEach(n -> related.add(n.asText()));
                assertEquals(e.related().stream().map(Entry.RelatedLink::href).toList(), related);
            }
            fe.get("content").forEach(c -> assertFalse(c.asText().contains("<script"), "script survives in " + e.id()));
        }
    }

    /**
     * The text an HTML-typed title shows: Dispatch writes a title holding {@code <} as escaped
     * HTML in Atom, and parsers hand it back as HTML.
     */
    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void feedparserSeesTheSeedArticleWhole() throws Exception {
        Clients.require(Clients.works(List.of("/usr/bin/python3", "-c", "import feedparser")), "Python feedparser (python3-feedparser)");
        JsonNode d = JSON.readTree(Clients.run(List.of("/usr/bin/python3", "src/test/python/feedparser_dump.py",
                new URL(root, "feeds/world/atom.xml").toString())));
        JsonNode entries = d.get("entries");
        assertEquals(3, entries.size(), "the article and its two related headlines");
        String content = entries.get(0).get("content").get(0).asText();
        assertEquals(18 + 0, content.split("<p>", -1).length - 1, "18 paragraphs");
        assertTrue(content.contains("Turkish minister warns of mass migration from Idlib"));
        assertTrue(content.contains("Attack on Idlib could lead to worst loss of life this century: UN official"));
        assertFalse(content.contains("Latest News"));
        assertEquals("Turkish minister warns of mass migration from Idlib", entries.get(1).get("title").asText());
        assertEquals("Attack on Idlib could lead to worst loss of life this century: UN official", entries.get(2).get("title").asText());
    }

    @Test
    void jsonFeedHasTheSameEntriesIdsAndDates() throws Exception {
        for (String id : List.of("world", "edge", "linked")) {
            JsonNode feed = JSON.readTree(Http.raw().get(path(id, FeedFormat.JSON)).then().statusCode(200).extract().asByteArray());
            assertEquals(JsonFeedRenderer.VERSION, feed.get("version").asText());
            assertEquals("http://localhost:8080/feeds/" + id + "/feed.json", feed.get("feed_url").asText());
            assertEquals("http://localhost:8080/feeds/" + id + "/", feed.get("home_page_url").asText());
            List<Entry> expected = published(id);
            assertEquals(expected.size(), feed.get("items").size());
            for (int i = 0; i < expected.size(); i++) {
                Entry e = expected.get(i);
                JsonNode item = feed.get("items").get(i);
                assertEquals(e.id(), item.get("id").asText());
                assertEquals(e.title(), item.get("title").asText());
                assertEquals(e.link(), item.get("url").asText());
                assertEquals(e.contentHtml(), item.get("content_html").asText());
                assertEquals(e.published(), Instant.parse(item.get("date_published").asText()));
                assertEquals(e.updated(), Instant.parse(item.get("date_modified").asText()));
            }
        }
    }
}
