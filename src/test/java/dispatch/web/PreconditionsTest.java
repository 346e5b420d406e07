package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link Preconditions#notModified}: {@code If-None-Match} decides alone when
 * present; otherwise a valid, not-future {@code If-Modified-Since} at or after the last
 * modification gives {@code 304} (RFC 9110 §13.1.2, §13.1.3, §13.2.2).
 */
class PreconditionsTest {

    private static final String ETAG = "\"v1\"";
    private static final Instant LAST_MODIFIED = Instant.parse("2024-06-01T10:00:00Z");
    private static final String LAST_MODIFIED_HTTP = "Sat, 01 Jun 2024 10:00:00 GMT";
    private static final Instant NOW = Instant.parse("2024-06-02T12:00:00Z");

    private static boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        return Preconditions.notModified(ifNoneMatch, ifModifiedSince, ETAG, LAST_MODIFIED, NOW);
    }

    private static String http(Instant instant) {
        return HttpDates.format(instant);
    }

    @Test
    void withoutConditionalHeadersTheAnswerIsModified() {
        assertFalse(notModified(null, null));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsNotModified() {
        assertTrue(notModified(ETAG, null));
    }

    @Test
    void ifNoneMatchWithTheWeakFormOfTheTagIsNotModified() {
        assertTrue(notModified("W/\"v1\"", null));
    }

    @Test
    void ifNoneMatchStarIsNotModified() {
        assertTrue(notModified("*", null));
    }

    @Test
    void ifNoneMatchListContainingTheTagIsNotModified() {
        assertTrue(notModified("\"v0\", W/\"v1\", \"v2\"", null));
    }

    @Test
    void ifNoneMatchWithAnotherTagIsModified() {
        assertFalse(notModified("\"v0\"", null));
    }

    @Test
    void ifNoneMatchNotMatchingWinsOverAMatchingIfModifiedSince() {
        assertFalse(notModified("\"v0\"", LAST_MODIFIED_HTTP));
        assertFalse(notModified("\"v0\"", http(NOW)));
    }

    @Test
    void ifNoneMatchMatchingWinsOverAStaleIfModifiedSince() {
        assertTrue(notModified(ETAG, http(LAST_MODIFIED.minus(Duration.ofDays(365)))));
    }

    @Test
    void emptyIfNoneMatchIsPresentAndMatchesNothingSoIfModifiedSinceIsIgnored() {
        assertFalse(notModified("", LAST_MODIFIED_HTTP));
    }

    @Test
    void ifModifiedSinceEqualToLastModifiedIsNotModified() {
        assertTrue(notModified(null, LAST_MODIFIED_HTTP));
    }

    @Test
    void ifModifiedSinceAfterLastModifiedIsNotModified() {
        assertTrue(notModified(null, http(LAST_MODIFIED.plusSeconds(1))));
        assertTrue(notModified(null, http(LAST_MODIFIED.plus(Duration.ofHours(5)))));
    }

    @Test
    void ifModifiedSinceBeforeLastModifiedIsModified() {
        assertFalse(notModified(null, http(LAST_MODIFIED.minusSeconds(1))));
        assertFalse(notModified(null, "Fri, 07 Sep 2018 00:00:00 GMT"));
    }

    @Test
    void ifModifiedSinceEqualToNowIsNotModified() {
        assertTrue(notModified(null, http(NOW)));
    }

    @Test
    void ifModifiedSinceInTheFutureIsIgnored() {
        assertFalse(notModified(null, http(NOW.plusSeconds(1))));
        assertFalse(notModified(null, "Fri, 01 Jan 2100 00:00:00 GMT"));
    }

    @Test
    void malformedIfModifiedSinceIsIgnored() {
        assertFalse(notModified(null, "yesterday"));
        assertFalse(notModified(null, ""));
        assertFalse(notModified(null, "2024-06-02T00:00:00Z"));
        assertFalse(notModified(null, "Sat, 01 Jun 2024 10:00:00"));
        assertFalse(notModified(null, "Sat, 01 Jun 2024 10:00:00 GMT, Sun, 02 Jun 2024 10:00:00 GMT"));
    }

    @Test
    void obsoleteDateFormsInIfModifiedSinceAreHonoured() {
        assertTrue(notModified(null, "Saturday, 01-Jun-24 10:00:00 GMT"));
        assertTrue(notModified(null, "Sat Jun  1 10:00:00 2024"));
        assertFalse(notModified(null, "Saturday, 01-Jun-24 09:59:59 GMT"));
    }

    @Test
    void ifModifiedSinceWithSurroundingWhitespaceIsHonoured() {
        assertTrue(notModified(null, "  " + LAST_MODIFIED_HTTP + " "));
    }
}
