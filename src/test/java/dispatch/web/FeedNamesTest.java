package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dispatch.store.FeedLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request path's feed id check ({@code FeedRoutes.isName}, written without a regular
 * expression for the hot path) agrees with the loader's {@link FeedLoader#FEED_ID} on every case.
 * Plain JUnit.
 */
class FeedNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"world", "a", "0", "feed-001", "my_feed", "a-", "a_", "x1-_2",
        "", "-a", "_a", "A", "World", "a b", "a.b", "a/b", "..", ".", "%61", "caf\u00e9", "a\u0000",
        "a234567890123456789012345678901234567890123456789012345678901234",
        "a2345678901234567890123456789012345678901234567890123456789012345"})
    void agreesWithTheLoadersPattern(String name) {
        assertEquals(FeedLoader.FEED_ID.matcher(name).matches(), FeedRoutes.isName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661", "\uff41"})
    void refusesNonAsciiDigitsAndLetters(String name) {
        assertFalse(FeedRoutes.isName(name), name);
    }
}
