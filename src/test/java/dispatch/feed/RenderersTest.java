package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import dispatch.article.Article;
import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import dispatch.article.Syntax;
import dispatch.text.Html;
import dispatch.text.XmlText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for the three renderers, {@link RssRenderer}, {@link AtomRenderer} and
 * {@link JsonFeedRenderer}: snapshots are assembled with {@link EntryAssembler} from articles
 * parsed with {@link ArticleParser}, rendered, and read back with Rome ({@link SyndFeedInput},
 * {@link WireFeedInput}), JDOM and Jackson. Covers round trips (titles, links, ids, dates),
 * byte-for-byte determinism, the elements each format must carry or must not carry, escaping of
 * text that looks like markup, and characters XML 1.0 forbids. Plain JUnit, no Quarkus.
 */
class RenderersTest {

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArticleParser PARSER = new ArticleParser();

    private static final String MARKUP_TITLE = "Markets <script>alert(1)</script> & rally";
    private static final String MARKUP_RELATED = "Minister warns & <b>migration</b> looms";
    private static final String PLAIN_RELATED = "Attack could lead to worst loss of life";
    private static final String URN = "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a";

    private final Links links = new Links("https://example.org");
    private final RssRenderer rss = new RssRenderer(links);
    private final AtomRenderer atom = new AtomRenderer(links);
    private final JsonFeedRenderer json = new JsonFeedRenderer(links);

    // ---------------------------------------------------------------- fixtures

    private static FeedDefinition definition(Optional<String> language) {
        return new FeedDefinition("world", "World & Co", "World news & more", language, "World Desk",
                Duration.ofMinutes(30), RelatedMode.ENTRIES, 50);
    }

    private static Article parse(String text, Syntax syntax) {
        try {
            return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), syntax);
        } catch (ArticleFormatException e) {
            throw new AssertionError("the test article should parse: " + e.getMessage(), e);
        }
    }

    /**
     * Three articles: one whose text looks like markup and holds characters XML 1.0 forbids, one
     * with every front matter key, one in Markdown with non-ASCII text. Parsed afresh on every
     * call, so that two calls give equal but separate posts.
     */
    private static List<Post> posts() {
        Article markup = parse(MARKUP_TITLE + "\u0001\n\n"
                + MARKUP_RELATED + "\n\n"
                + PLAIN_RELATED + "\u000B\n\n"
                + "Erdogan called for a truce & <script>steal()</script>.\u0001\n\n"
                + "A second \uFFFE paragraph \u001F ends here.\n", Syntax.TEXT);
        Article frontMatter = parse("---\n"
                + "id: " + URN + "\n"
                + "link: https://elsewhere.example/story?id=1&lang=en\n"
                + "author: Jane Roe\n"
                + "categories: [Politics, Turkey]\n"
                + "summary: A summary of the story.\n"
                + "---\n"
                + "Plain story title\n\nIts only paragraph.\n", Syntax.TEXT);
        Article markdown = parse("# Café crème 🙂 in Zürich\n\nA paragraph with *emphasis* and [a link](plain).\n",
                Syntax.MARKDOWN);
        return List.of(
                new Post("2024-06-02-markets", markup, Instant.parse("2024-06-02T08:30:00Z"), Instant.parse("2024-06-02T08:30:00Z")),
                new Post("plain", frontMatter, Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-06-01T12:00:00Z")),
                new Post("cafe", markdown, Instant.parse("2024-05-30T07:00:00Z"), Instant.parse("2024-05-30T07:00:00Z")));
    }

    private FeedSnapshot snapshot() {
        return new EntryAssembler(links).assemble(definition(Optional.of("en-GB")), posts());
    }

    private FeedSnapshot snapshotWithoutLanguage() {
        return new EntryAssembler(links).assemble(definition(Optional.empty()), posts());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Reader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }

    private static SyndFeed rome(byte[] bytes) throws FeedException {
        return new SyndFeedInput().build(reader(bytes));
    }

    private static WireFeed wire(byte[] bytes) throws FeedException {
        return new WireFeedInput().build(reader(bytes));
    }

    private static Element xml(byte[] bytes) throws JDOMException, IOException {
        Document doc = new SAXBuilder().build(new ByteArrayInputStream(bytes));
        return doc.getRootElement();
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    private static Entry entryTitled(FeedSnapshot snapshot, String title) {
        return snapshot.entries().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    private static void assertNoForbiddenCharacters(String text) {
        text.codePoints().forEach(cp -> assertTrue(XmlText.isAllowed(cp),
                () -> "forbidden character U+" + Integer.toHexString(cp) + " in output"));
    }

    /** Whether text holds something like an HTML end tag, which Atom then writes as escaped HTML. */
    private static boolean hasEndTag(String text) {
        return text.matches("(?s).*</[A-Za-z][A-Za-z0-9]*\\s*>.*");
    }

    private static List<Element> atomLinks(Element parent, String rel) {
        return parent.getChildren("link", ATOM).stream().filter(l -> rel.equals(l.getAttributeValue("rel"))).toList();
    }

    // ---------------------------------------------------------------- every renderer

    @Test
    void renderersNameTheirFormats() {
        assertEquals(FeedFormat.RSS, rss.format());
        assertEquals(FeedFormat.ATOM, atom.format());
        assertEquals(FeedFormat.JSON, json.format());
    }

    @Test
    void renderingTheSameSnapshotTwiceGivesByteIdenticalOutput() {
        FeedSnapshot snapshot = snapshot();
        for (FeedRenderer renderer : List.of(rss, atom, json)) {
            assertArrayEquals(renderer.render(snapshot), renderer.render(snapshot), renderer.format().label());
        }
    }

    @Test
    void twoSeparatelyBuiltButEqualSnapshotsRenderToTheSameBytes() {
        FeedSnapshot first = snapshot();
        Links otherLinks = new Links("https://example.org/");
        FeedSnapshot second = new EntryAssembler(otherLinks).assemble(definition(Optional.of("en-GB")), posts());
        assertEquals(first, second);
        assertArrayEquals(rss.render(first), new RssRenderer(otherLinks).render(second));
        assertArrayEquals(atom.render(first), new AtomRenderer(otherLinks).render(second));
        assertArrayEquals(json.render(first), new JsonFeedRenderer(otherLinks).render(second));
    }

    @Test
    void inputOrderOfThePostsDoesNotChangeTheBytes() {
        List<Post> reversed = new ArrayList<>(posts());
        Collections.reverse(reversed);
        FeedSnapshot other = new EntryAssembler(links).assemble(definition(Optional.of("en-GB")), reversed);
        FeedSnapshot snapshot = snapshot();
        for (FeedRenderer renderer : List.of(rss, atom, json)) {
            assertArrayEquals(renderer.render(snapshot), renderer.render(other), renderer.format().label());
        }
    }

    @Test
    void charactersXmlForbidsNeverReachTheOutput() throws Exception {
        FeedSnapshot snapshot = snapshot();
        for (FeedRenderer renderer : List.of(rss, atom, json)) {
            String out = utf8(renderer.render(snapshot));
            assertNoForbiddenCharacters(out);
            assertFalse(out.contains("\\u0001") || out.contains("\\u000B") || out.contains("\\u001F"),
                    renderer.format().label() + " must not carry them escaped either");
        }
        assertEquals(MARKUP_TITLE, rome(rss.render(snapshot)).getEntries().get(0).getTitle());
    }

    @Test
    void everyDocumentIsUtf8AndKeepsNonAsciiText() throws Exception {
        FeedSnapshot snapshot = snapshot();
        String title = "Café crème 🙂 in Zürich";
        assertTrue(utf8(rss.render(snapshot)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assertTrue(utf8(atom.render(snapshot)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assertTrue(rome(rss.render(snapshot)).getEntries().stream().anyMatch(e -> title.equals(e.getTitle())));
        assertTrue(rome(atom.render(snapshot)).getEntries().stream().anyMatch(e -> title.equals(e.getTitle())));
        String out = utf8(json.render(snapshot));
        assertTrue(out.contains("Café crème") && out.contains("Zürich"), "JSON writes non-ASCII text as UTF-8");
        assertTrue(json(json.render(snapshot)).get("items").findValuesAsText("title").contains(title),
                "and reads back whole, however the emoji is written");
    }

    @Test
    void emptyFeedRendersInEveryFormat() throws Exception {
        FeedSnapshot empty = new EntryAssembler(links).assemble(definition(Optional.empty()), List.of());
        SyndFeed fromRss = rome(rss.render(empty));
        assertEquals("World & Co", fromRss.getTitle());
        assertTrue(fromRss.getEntries().isEmpty());
        Feed fromAtom = (Feed) wire(atom.render(empty));
        assertTrue(fromAtom.getEntries().isEmpty());
        assertEquals(Date.from(Instant.EPOCH), fromAtom.getUpdated());
        JsonNode feed = json(json.render(empty));
        assertTrue(feed.get("items").isArray());
        assertEquals(0, feed.get("items").size());
    }

    // ---------------------------------------------------------------- RSS 2.0

    @Test
    void rssReadsBackWithRomeWithTheSameTitlesLinksIdsAndDates() throws Exception {
        FeedSnapshot snapshot = snapshot();
        SyndFeed feed = rome(rss.render(snapshot));
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals("World & Co", feed.getTitle());
        assertEquals("https://example.org/feeds/world/", feed.getLink());
        assertEquals("World news & more", feed.getDescription());
        assertEquals(snapshot.entries().size(), feed.getEntries().size());
        for (int i = 0; i < snapshot.entries().size(); i++) {
            Entry expected = snapshot.entries().get(i);
            SyndEntry actual = feed.getEntries().get(i);
            assertEquals(expected.title(), actual.getTitle());
            assertEquals(expected.link(), actual.getLink());
            assertEquals(expected.id(), actual.getUri());
            assertEquals(Date.from(expected.published()), actual.getPublishedDate(), expected.title());
        }
    }

    @Test
    void rssHasASelfLinkInTheAtomNamespace() throws Exception {
        Element root = xml(rss.render(snapshot()));
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespace("atom").getURI(), "declared on the root");
        Element channel = root.getChild("channel");
        List<Element> self = channel.getChildren("link", Namespace.getNamespace("http://www.w3.org/2005/Atom"));
        assertEquals(1, self.size());
        assertEquals("self", self.get(0).getAttributeValue("rel"));
        assertEquals("https://example.org/feeds/world/rss.xml", self.get(0).getAttributeValue("href"));
        assertEquals("application/rss+xml", self.get(0).getAttributeValue("type"));
    }

    @Test
    void rssHasTtlInMinutesAndLastBuildDateOfTheLatestChange() throws Exception {
        FeedSnapshot snapshot = snapshot();
        byte[] bytes = rss.render(snapshot);
        Channel channel = (Channel) wire(bytes);
        assertEquals(30, channel.getTtl());
        assertEquals(Date.from(snapshot.updated()), channel.getLastBuildDate());
        assertEquals("Sun, 02 Jun 2024 08:30:02 GMT", xml(bytes).getChild("channel").getChildText("lastBuildDate"));
        assertEquals("en-GB", channel.getLanguage());
    }

    @Test
    void rssGuidsAreTheEntryIdsAndNotPermalinks() throws Exception {
        FeedSnapshot snapshot = snapshot();
        Element channel = xml(rss.render(snapshot)).getChild("channel");
        List<Element> items = channel.getChildren("item");
        assertEquals(snapshot.entries().size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            Element guid = items.get(i).getChild("guid");
            assertEquals("false", guid.getAttributeValue("isPermaLink"));
            assertEquals(snapshot.entries().get(i).id(), guid.getText());
        }
        Item first = ((Channel) wire(rss.render(snapshot))).getItems().get(0);
        assertFalse(first.getGuid().isPermaLink());
    }

    @Test
    void rssHasNoDublinCoreDateOrLanguageAndNoManagingEditor() throws Exception {
        byte[] bytes = rss.render(snapshot());
        String out = utf8(bytes);
        assertFalse(out.contains("dc:date"), "pubDate only; the W3C validator warns about both on one item");
        assertFalse(out.contains("dc:language"));
        assertFalse(out.contains("managingEditor"), "RSS wants an e-mail address there, not a name");
        Element channel = xml(bytes).getChild("channel");
        for (Element item : channel.getChildren("item")) {
            assertNull(item.getChild("date", DC));
            assertNotNull(item.getChild("pubDate"));
        }
    }

    @Test
    void rssWritesAmpersandAndLessThanInTextAsHexReferences() {
        String out = utf8(rss.render(snapshot()));
        assertTrue(out.contains("<title>World &#x26; Co</title>"), out);
        assertTrue(out.contains("<title>Markets &#x3C;script&gt;alert(1)&#x3C;/script&gt; &#x26; rally</title>"), out);
        assertFalse(out.contains("<script"), "no script element, whatever the text says");
        assertFalse(out.contains("<b>"));
        assertFalse(out.contains("&amp;"), "text uses &#x26;, never &amp;");
        assertFalse(out.contains("&lt;"), "text uses &#x3C;, never &lt;");
    }

    @Test
    void rssDescriptionsAndContentAreHtmlWithTheTextEscaped() throws Exception {
        SyndEntry first = rome(rss.render(snapshot())).getEntries().get(0);
        assertEquals("Erdogan called for a truce &amp; &lt;script&gt;steal()&lt;/script&gt;.", first.getDescription().getValue());
        String content = first.getContents().get(0).getValue();
        assertTrue(content.startsWith("<p>Erdogan called for a truce &amp; &lt;script&gt;steal()&lt;/script&gt;.</p>"), content);
        assertFalse(content.contains("<script"), content);
    }

    @Test
    void rssCarriesCategories() throws Exception {
        SyndEntry plain = rome(rss.render(snapshot())).getEntries().stream()
                .filter(e -> "Plain story title".equals(e.getTitle())).findFirst().orElseThrow();
        assertEquals(List.of("Politics", "Turkey"), plain.getCategories().stream().map(SyndCategory::getName).toList());
    }

    /**
     * Every format carries the same entries: an article's front matter {@code author} is in the
     * Atom entry and the JSON Feed item, and belongs in the RSS item too, as {@code dc:creator}
     * (RSS's own {@code author} wants an e-mail address).
     */
    @Test
    void rssCarriesTheArticlesAuthorAsDcCreator() throws Exception {
        byte[] bytes = rss.render(snapshot());
        Element item = xml(bytes).getChild("channel").getChildren("item").stream()
                .filter(i -> "Plain story title".equals(i.getChildText("title"))).findFirst().orElseThrow();
        assertEquals("Jane Roe", item.getChildText("creator", DC));
        SyndEntry plain = rome(bytes).getEntries().stream()
                .filter(e -> "Plain story title".equals(e.getTitle())).findFirst().orElseThrow();
        assertEquals("Jane Roe", plain.getAuthor());
    }

    @Test
    void rssWithoutALanguageHasNoLanguageElement() throws Exception {
        Element channel = xml(rss.render(snapshotWithoutLanguage())).getChild("channel");
        assertNull(channel.getChild("language"));
    }

    @Test
    void rssTtlFollowsTheFeedDefinition() throws Exception {
        FeedDefinition def = new FeedDefinition("world", "World", "World", Optional.empty(), "World",
                FeedDefinition.DEFAULT_TTL, RelatedMode.ENTRIES, 50);
        FeedSnapshot snapshot = new EntryAssembler(links).assemble(def, posts());
        assertEquals(15, ((Channel) wire(rss.render(snapshot))).getTtl());
    }

    // ---------------------------------------------------------------- Atom 1.0

    @Test
    void atomReadsBackWithRomeWithTheSameTitlesLinksIdsAndDates() throws Exception {
        FeedSnapshot snapshot = snapshot();
        SyndFeed feed = rome(atom.render(snapshot));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("World & Co", feed.getTitle());
        assertTrue(feed.getLinks().stream().anyMatch(l -> "alternate".equals(l.getRel())
                && "https://example.org/feeds/world/".equals(l.getHref())), "alternate link to the feed's page");
        assertEquals("https://example.org/feeds/world/", feed.getUri());
        assertEquals(snapshot.entries().size(), feed.getEntries().size());
        for (int i = 0; i < snapshot.entries().size(); i++) {
            Entry expected = snapshot.entries().get(i);
            SyndEntry actual = feed.getEntries().get(i);
            String title = hasEndTag(expected.title()) ? Html.escape(expected.title()) : expected.title();
            assertEquals(title, actual.getTitle(), "an html title reads back as HTML");
            assertEquals(expected.link(), actual.getLink());
            assertEquals(expected.id(), actual.getUri());
            assertEquals(Date.from(expected.published()), actual.getPublishedDate(), expected.title());
            assertEquals(Date.from(expected.updated()), actual.getUpdatedDate(), expected.title());
        }
    }

    @Test
    void atomHasSelfAndAlternateLinksUpdatedAndTheFeedAuthor() throws Exception {
        FeedSnapshot snapshot = snapshot();
        Element feed = xml(atom.render(snapshot));
        List<Element> self = atomLinks(feed, "self");
        assertEquals(1, self.size());
        assertEquals("https://example.org/feeds/world/atom.xml", self.get(0).getAttributeValue("href"));
        assertEquals("application/atom+xml", self.get(0).getAttributeValue("type"));
        List<Element> alternate = atomLinks(feed, "alternate");
        assertEquals(1, alternate.size());
        assertEquals("https://example.org/feeds/world/", alternate.get(0).getAttributeValue("href"));
        assertEquals("2024-06-02T08:30:02Z", feed.getChildText("updated", ATOM));
        assertEquals(Date.from(snapshot.updated()), ((Feed) wire(atom.render(snapshot))).getUpdated());
        assertEquals("World Desk", feed.getChild("author", ATOM).getChildText("name", ATOM));
        assertEquals("https://example.org/feeds/world/", feed.getChildText("id", ATOM));
    }

    @Test
    void atomHasXmlLangWhenTheFeedHasALanguage() throws Exception {
        assertEquals("en-GB", xml(atom.render(snapshot())).getAttributeValue("lang", Namespace.XML_NAMESPACE));
        assertNull(xml(atom.render(snapshotWithoutLanguage())).getAttributeValue("lang", Namespace.XML_NAMESPACE));
    }

    @Test
    void atomLinksArticleEntriesToTheirRelatedEntriesAndBack() throws Exception {
        FeedSnapshot snapshot = snapshot();
        Element feed = xml(atom.render(snapshot));
        Map<String, Element> byId = feed.getChildren("entry", ATOM).stream()
                .collect(Collectors.toMap(e -> e.getChildText("id", ATOM), e -> e));
        Entry article = entryTitled(snapshot, MARKUP_TITLE);
        List<String> related = atomLinks(byId.get(article.id()), "related").stream().map(l -> l.getAttributeValue("href")).toList();
        assertEquals(List.of(entryTitled(snapshot, MARKUP_RELATED).link(), entryTitled(snapshot, PLAIN_RELATED).link()), related);
        Element back = byId.get(entryTitled(snapshot, PLAIN_RELATED).id());
        assertEquals(List.of(article.link()), atomLinks(back, "related").stream().map(l -> l.getAttributeValue("href")).toList());
        Element plainRelatedLink = atomLinks(byId.get(article.id()), "related").get(1);
        assertEquals(PLAIN_RELATED, plainRelatedLink.getAttributeValue("title"));
    }

    @Test
    void atomTitleThatHoldsAnEndTagIsHtmlWithItsTextEscaped() throws Exception {
        byte[] bytes = atom.render(snapshot());
        Element feed = xml(bytes);
        Element title = feed.getChildren("entry", ATOM).get(0).getChild("title", ATOM);
        assertEquals("html", title.getAttributeValue("type"));
        assertEquals(Html.escape(MARKUP_TITLE), title.getText());
        Element plain = feed.getChildren("entry", ATOM).stream()
                .filter(e -> "Plain story title".equals(e.getChildText("title", ATOM))).findFirst().orElseThrow();
        String type = plain.getChild("title", ATOM).getAttributeValue("type");
        assertTrue(type == null || type.equals("text"), "plain titles stay text: " + type);
        String out = utf8(bytes);
        assertFalse(out.contains("<script"), "no script element, whatever the text says");
        assertFalse(out.contains("<b>"));
        assertTrue(out.contains("<title>World &amp; Co</title>"), "the feed title holds only & and stays text");
    }

    /**
     * A title with a {@code <} but no end tag stays {@code type="text"}: XML escapes the
     * {@code <}, and every reader shows the text as it is. Only text that holds an end tag is
     * written as escaped HTML (see {@code SyndFeeds.looksLikeMarkup}), which keeps the W3C
     * validator quiet without changing what readers show.
     */
    @Test
    void atomTitleWithALessThanButNoEndTagStaysTextAndReadsBackAsItIs() throws Exception {
        Article a = parse("Rates < 5% for Tom & <Jerry>\n\nA sentence.\n", Syntax.TEXT);
        Instant t = Instant.parse("2024-06-01T00:00:00Z");
        FeedSnapshot snapshot = new EntryAssembler(links).assemble(definition(Optional.empty()), List.of(new Post("rates", a, t, t)));
        byte[] bytes = atom.render(snapshot);
        Element title = xml(bytes).getChild("entry", ATOM).getChild("title", ATOM);
        String type = title.getAttributeValue("type");
        assertTrue(type == null || type.equals("text"), "type " + type);
        assertEquals("Rates < 5% for Tom & <Jerry>", title.getText());
        assertEquals("Rates < 5% for Tom & <Jerry>", rome(bytes).getEntries().get(0).getTitle());
        assertFalse(utf8(bytes).contains("<Jerry>"), "the < is escaped in the XML");
    }

    @Test
    void atomSummaryIsTextUnlessItHoldsAnEndTag() throws Exception {
        Element feed = xml(atom.render(snapshot()));
        for (Element entry : feed.getChildren("entry", ATOM)) {
            Element summary = entry.getChild("summary", ATOM);
            if (entry.getChildText("id", ATOM).equals(URN)) {
                assertEquals("text", summary.getAttributeValue("type"));
                assertEquals("A summary of the story.", summary.getText());
            }
            if (summary.getText().contains("script")) {
                assertEquals("html", summary.getAttributeValue("type"), summary.getText());
                assertFalse(summary.getText().contains("<script"), summary.getText());
            }
        }
    }

    @Test
    void atomEntryAuthorIsWrittenOnlyWhenTheArticleHasOne() throws Exception {
        Element feed = xml(atom.render(snapshot()));
        for (Element entry : feed.getChildren("entry", ATOM)) {
            List<Element> authors = entry.getChildren("author", ATOM);
            if (entry.getChildText("id", ATOM).equals(URN)) {
                assertEquals(1, authors.size());
                assertEquals("Jane Roe", authors.get(0).getChildText("name", ATOM));
            } else {
                assertTrue(authors.isEmpty(), "no empty author; the feed's author stands for it");
            }
        }
    }

    @Test
    void atomLinksAnArticlePublishedElsewhereWithRelVia() throws Exception {
        Element feed = xml(atom.render(snapshot()));
        Element entry = feed.getChildren("entry", ATOM).stream()
                .filter(e -> e.getChildText("id", ATOM).equals(URN)).findFirst().orElseThrow();
        List<Element> via = atomLinks(entry, "via");
        assertEquals(1, via.size());
        assertEquals("https://elsewhere.example/story?id=1&lang=en", via.get(0).getAttributeValue("href"));
    }

    @Test
    void atomContentIsHtmlWithTheTextEscaped() throws Exception {
        SyndEntry first = rome(atom.render(snapshot())).getEntries().get(0);
        assertEquals("html", first.getContents().get(0).getType());
        String content = first.getContents().get(0).getValue();
        assertTrue(content.startsWith("<p>Erdogan called for a truce &amp; &lt;script&gt;steal()&lt;/script&gt;.</p>"), content);
    }

    /**
     * The renderer's contract says it removes the Dublin Core dates Rome adds beside Atom's own
     * {@code published}/{@code updated}; they must be gone from entries as well as the feed.
     */
    @Test
    void atomWritesNoDublinCoreDatesBesideItsOwn() throws Exception {
        Element feed = xml(atom.render(snapshot()));
        assertNull(feed.getChild("date", DC));
        for (Element entry : feed.getChildren("entry", ATOM)) {
            assertNull(entry.getChild("date", DC), "dc:date in entry " + entry.getChildText("id", ATOM));
        }
    }

    // ---------------------------------------------------------------- JSON Feed 1.1

    @Test
    void jsonFeedHasVersionUrlsAndFeedMetadata() throws Exception {
        JsonNode feed = json(json.render(snapshot()));
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertEquals(JsonFeedRenderer.VERSION, feed.get("version").asText());
        assertEquals("World & Co", feed.get("title").asText());
        assertEquals("https://example.org/feeds/world/", feed.get("home_page_url").asText());
        assertEquals("https://example.org/feeds/world/feed.json", feed.get("feed_url").asText());
        assertEquals("World news & more", feed.get("description").asText());
        assertEquals("en-GB", feed.get("language").asText());
        assertEquals("World Desk", feed.get("authors").get(0).get("name").asText());
    }

    @Test
    void jsonFeedWithoutALanguageHasNoLanguageMember() throws Exception {
        assertFalse(json(json.render(snapshotWithoutLanguage())).has("language"));
    }

    @Test
    void jsonFeedItemsHoldTheSameIdsLinksTitlesContentAndDates() throws Exception {
        FeedSnapshot snapshot = snapshot();
        JsonNode items = json(json.render(snapshot)).get("items");
        assertEquals(snapshot.entries().size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            Entry expected = snapshot.entries().get(i);
            JsonNode item = items.get(i);
            assertEquals(expected.id(), item.get("id").asText());
            assertEquals(expected.link(), item.get("url").asText());
            assertEquals(expected.title(), item.get("title").asText(), "JSON Feed titles are plain text");
            assertEquals(expected.contentHtml(), item.get("content_html").asText());
            assertEquals(expected.summary().orElseThrow(), item.get("summary").asText());
            assertEquals(expected.published(), Instant.parse(item.get("date_published").asText()));
            assertEquals(expected.updated(), Instant.parse(item.get("date_modified").asText()));
            assertFalse(item.get("content_html").asText().contains("<script"), "content_html escapes the text");
        }
    }

    @Test
    void jsonFeedItemsCarryTagsExternalUrlAndAuthorFromFrontMatter() throws Exception {
        JsonNode items = json(json.render(snapshot())).get("items");
        JsonNode plain = null;
        for (Iterator<JsonNode> it = items.elements(); it.hasNext();) {
            JsonNode item = it.next();
            if (item.get("id").asText().equals(URN)) {
                plain = item;
            } else {
                assertFalse(item.has("tags"), "no empty tags: " + item);
                assertFalse(item.has("external_url"), "no external_url without a front matter link: " + item);
                assertFalse(item.has("authors"), "the feed's authors stand for the item's: " + item);
            }
        }
        assertNotNull(plain);
        List<String> tags = new ArrayList<>();
        plain.get("tags").forEach(tag -> tags.add(tag.asText()));
        assertEquals(List.of("Politics", "Turkey"), tags);
        assertEquals("https://elsewhere.example/story?id=1&lang=en", plain.get("external_url").asText());
        assertEquals("Jane Roe", plain.get("authors").get(0).get("name").asText());
        assertEquals("2024-06-01T00:00:00Z", plain.get("date_published").asText());
        assertEquals("2024-06-01T12:00:00Z", plain.get("date_modified").asText());
    }

    // ---------------------------------------------------------------- scraped pages

    @Test
    void aSavedPagesBylineCreditsAndTopicsBecomeAuthorContributorsAndCategoriesInEveryFormat() throws Exception {
        Article page = parse("Ministers agree grain deal\n\nBy Jane Smith\nWorld Desk News, Ankara\n\nSeptember 10, 2018\n\n"
                + "ANKARA (Wirecast) - Ministers agreed on Monday to extend the grain corridor.\n\n"
                + "Reporting by Tomas Herrera; Editing by Paul Green\n\nRelated Topics\nGrain\nShipping\n", Syntax.TEXT);
        Instant date = page.page().date().orElseThrow();
        FeedSnapshot s = new EntryAssembler(links).assemble(definition(Optional.empty()), List.of(new Post("grain", page, date, date)));

        Element atomEntry = xml(atom.render(s)).getChildren("entry", ATOM).get(0);
        assertEquals("Jane Smith", atomEntry.getChild("author", ATOM).getChildText("name", ATOM));
        assertEquals(List.of("Tomas Herrera", "Paul Green"), atomEntry.getChildren("contributor", ATOM).stream()
                .map(c -> c.getChildText("name", ATOM)).toList());
        assertEquals(List.of("Grain", "Shipping"), atomEntry.getChildren("category", ATOM).stream().map(c -> c.getAttributeValue("term")).toList());

        Element item = xml(rss.render(s)).getChild("channel").getChildren("item").get(0);
        assertEquals("Jane Smith", item.getChildText("creator", DC));
        assertEquals(List.of("Tomas Herrera", "Paul Green"), item.getChildren("contributor", DC).stream().map(Element::getText).toList());
        assertEquals(List.of("Grain", "Shipping"), item.getChildren("category").stream().map(Element::getText).toList());

        JsonNode jsonItem = json(json.render(s)).get("items").get(0);
        assertEquals("Jane Smith", jsonItem.get("authors").get(0).get("name").asText());
        assertEquals("Tomas Herrera", jsonItem.get("_dispatch").get("contributors").get(0).get("name").asText());
        assertEquals("Grain", jsonItem.get("tags").get(0).asText());
        assertEquals("2018-09-10T00:00:00Z", jsonItem.get("date_published").asText());
    }
}
