package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.Http;
import dispatch.catalog.CatalogService;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sfeed (Debian package {@code sfeed}), a small C parser that turns an RSS or Atom feed on its
 * standard input into one TAB-separated line per entry: every served RSS and Atom document, read
 * by sfeed, must give back the entries Dispatch published, in order, with their ids, titles,
 * links and publication times.
 */
@QuarkusTest
class SfeedTest {

    /** sfeed's output fields, in order (sfeed(1), "TAB-SEPARATED FORMAT FIELDS"). */
    private static final int TIMESTAMP = 0;
    private static final int TITLE = 1;
    private static final int LINK = 2;
    private static final int ID = 5;
    private static final int FIELDS = 9;

    @Inject
    CatalogService store;

    static Stream<Arguments> feedsAndXmlFormats() {
        return Stream.of("world", "edge", "linked")
                .flatMap(id -> Stream.of(Arguments.of(id, FeedFormat.RSS), Arguments.of(id, FeedFormat.ATOM)));
    }

    @ParameterizedTest
    @MethodSource("feedsAndXmlFormats")
    void sfeedReadsEveryEntryAsPublished(String id, FeedFormat format) {
        Clients.require(Clients.onPath("sfeed"), "sfeed (Debian package sfeed)");
        byte[] body = Http.raw().get("/feeds/" + id + "/" + format.fileName()).then().statusCode(200).extract().asByteArray();
        String tsv = Clients.exec(List.of("sfeed"), null, Map.of(), body, Duration.ofSeconds(30)).orFail();

        List<String[]> lines = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (!line.isEmpty()) {
                String[] fields = line.split("\t", -1);
                assertEquals(FIELDS, fields.length, () -> "fields in sfeed's line " + line);
                lines.add(fields);
            }
        }
        List<Entry> expected = store.catalog().feed(id).orElseThrow().snapshot().entries();
        assertEquals(expected.size(), lines.size(), () -> "entries sfeed read from " + id + " " + format + ":\n" + tsv);

        // sfeed does not say how a title was typed, and documents that "HTML code in titles is
        // ignored and is treated as plain-text": an Atom title Dispatch writes as type="html" (one
        // holding '<') comes out as the escaped HTML. The type is taken from the document itself,
        // and only those titles are compared after HTML-unescaping; every other title must match
        // as it is.
        Map<String, String> atomTitleTypes = format == FeedFormat.ATOM ? Clients.atomTitleTypes(body) : Map.of();
        for (int i = 0; i < expected.size(); i++) {
            Entry e = expected.get(i);
            String[] f = lines.get(i);
            String where = id + " " + format + " entry " + i + " (" + e.id() + "): ";
            assertEquals(e.id(), f[ID], where + "id");
            assertEquals(e.link(), f[LINK], where + "link");
            boolean html = "html".equals(atomTitleTypes.get(e.id()));
            assertEquals(e.title(), html ? Clients.unescapeHtml(f[TITLE]) : f[TITLE], where + "title");
            // RSS: pubDate; Atom: published (sfeed falls back to updated only where it is absent).
            assertEquals(Long.toString(e.published().getEpochSecond()), f[TIMESTAMP], where + "timestamp");
        }
    }
}
