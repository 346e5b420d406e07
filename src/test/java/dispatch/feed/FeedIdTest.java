package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FeedId#isValid}, written without a regular expression, agrees with the rule written as one. */
class FeedIdTest {

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    @ParameterizedTest
    @ValueSource(strings = {"world", "a", "0", "feed-001", "my_feed", "a-", "a_", "x1-_2",
        "", "-a", "_a", "A", "World", "a b", "a.b", "a/b", "..", ".", "%61", "caf\u00e9", "a\u0000",
        "a234567890123456789012345678901234567890123456789012345678901234",
        "a2345678901234567890123456789012345678901234567890123456789012345"})
    void agreesWithTheRuleAsARegularExpression(String name) {
        assertEquals(RULE.matcher(name).matches(), FeedId.isValid(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661", "\uff41"})
    void refusesNonAsciiDigitsAndLetters(String name) {
        assertFalse(FeedId.isValid(name), name);
    }
}
