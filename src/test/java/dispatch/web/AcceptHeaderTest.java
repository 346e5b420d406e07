package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code Accept} headers get the HTML preview of a feed, and which get the feed. */
class AcceptHeaderTest {

    private static final String ATOM = "application/atom+xml";

    @ParameterizedTest
    @ValueSource(strings = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8", // Chromium
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", // Firefox
        "text/html",
        "application/xhtml+xml",
        "TEXT/HTML; charset=utf-8, */*;q=0.1",
    })
    void browsersGetTheHtmlPreview(String accept) {
        assertTrue(AcceptHeader.prefersHtml(accept, ATOM), accept);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "*/*", "application/atom+xml",
        "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1", // feedparser
        "application/rss+xml, application/rdf+xml;q=0.8, application/atom+xml;q=0.6, application/xml;q=0.4, text/xml;q=0.4", // curl-based readers
        "application/atom+xml, text/html;q=0.5",
        "text/html;q=0.9, application/xml",
        "text/html, */*", // a tie means the feed
        "text/html;q=0, */*",
        "text/html;q=abc",
        "application/feed+json, application/json",
    })
    void feedReadersGetTheFeed(String accept) {
        assertFalse(AcceptHeader.prefersHtml(accept, ATOM), accept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/atom+xml", "application/rss+xml", "application/feed+json"})
    void noHeaderMeansTheFeed(String type) {
        assertFalse(AcceptHeader.prefersHtml(null, type));
    }
}
