package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.Http;
import dispatch.catalog.CatalogService;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feed parsers from npm, each run by a small script in {@code src/test/clients} (installed there
 * with {@code npm ci --prefix src/test/clients}) that fetches a served feed with Node's built-in
 * {@code fetch} (gzip and all), parses it and prints {@code [{id, title, link, published, ...}]}:
 * every entry must come back as Dispatch published it, in order.
 *
 * <ul>
 *   <li>{@code @rowanmanning/feed-parser}: RSS and Atom;
 *   <li>{@code rss-parser}: RSS and Atom;
 *   <li>{@code feedsmith}: RSS, Atom and JSON Feed.
 * </ul>
 */
@QuarkusTest
class NodeParsersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENTS = Path.of("src", "test", "clients");
    private static final Path NODE = Path.of("/usr/bin/node");

    /** A parser: its npm package, its script, and the formats it reads. */
    enum Parser {
        ROWANMANNING("@rowanmanning/feed-parser", "rowanmanning-feed-parser.mjs", FeedFormat.RSS, FeedFormat.ATOM),
        RSS_PARSER("rss-parser", "rss-parser.mjs", FeedFormat.RSS, FeedFormat.ATOM),
        FEEDSMITH("feedsmith", "feedsmith.mjs", FeedFormat.RSS, FeedFormat.ATOM, FeedFormat.JSON);

        final String npmPackage;
        final String script;
        final List<FeedFormat> formats;

        Parser(String npmPackage, String script, FeedFormat... formats) {
            this.npmPackage = npmPackage;
            this.script = script;
            this.formats = List.of(formats);
        }
    }

    @Inject
    CatalogService store;

    @TestHTTPResource("/")
    URL root;

    static Stream<Arguments> parsersFeedsAndFormats() {
        return Stream.of(Parser.values()).flatMap(parser -> Stream.of("world", "edge", "linked")
                .flatMap(id -> parser.formats.stream().map(format -> Arguments.of(parser, id, format))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("parsersFeedsAndFormats")
    void parserReadsEveryEntryAsPublished(Parser parser, String id, FeedFormat format) throws Exception {
        Clients.require(Files.isExecutable(NODE)
                && Files.isRegularFile(CLIENTS.resolve("node_modules").resolve(parser.npmPackage).resolve("package.json")),
                "Node.js with " + parser.npmPackage + " (npm ci --prefix src/test/clients)");
        String path = "/feeds/" + id + "/" + format.fileName();
        String out = Clients.exec(List.of(NODE.toString(), parser.script, new URL(root, path.substring(1)).toString()),
                CLIENTS, Map.of(), null, Duration.ofSeconds(60)).orFail();
        JsonNode items = JSON.readTree(out);

        // rss-parser hands back an Atom title as it stands in the document and does not say how it
        // was typed, so an html-typed title (Dispatch writes one for a title holding '<') comes
        // back as escaped HTML. For it, the type is read from the served document, and only the
        // titles typed html there are compared after HTML-unescaping. feedsmith reports the type
        // (titleType); @rowanmanning/feed-parser decodes html titles itself.
        Map<String, String> documentTitleTypes = parser == Parser.RSS_PARSER && format == FeedFormat.ATOM
                ? Clients.atomTitleTypes(Http.raw().get(path).then().statusCode(200).extract().asByteArray())
                : Map.of();

        List<Entry> expected = store.catalog().feed(id).orElseThrow().snapshot().entries();
        assertEquals(expected.size(), items.size(), () -> parser.npmPackage + " entries of " + path + ":\n" + out);
        for (int i = 0; i < expected.size(); i++) {
            Entry e = expected.get(i);
            JsonNode item = items.get(i);
            String where = parser.npmPackage + ", " + path + ", entry " + i + " (" + e.id() + "): ";
            assertEquals(e.id(), item.path("id").asText(null), where + "id");
            String title = item.path("title").asText(null);
            String titleType = item.has("titleType") ? item.get("titleType").asText() : documentTitleTypes.get(e.id());
            assertEquals(e.title(), "html".equals(titleType) ? Clients.unescapeHtml(title) : title, where + "title");
            assertEquals(e.link(), item.path("link").asText(null), where + "link");
            assertEquals(e.published(), instant(item.get("published")), where + "published");
            if (item.has("updated")) {
                assertEquals(e.updated(), instant(item.get("updated")), where + "updated");
            }
        }
    }

    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }
}
