package dispatch.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hub.*} parameters are appended to the callback's own query, which stays as it is. */
class IntentVerifierTest {

    @ParameterizedTest
    @CsvSource({
        "https://sub.example/cb, https://sub.example/cb?hub.mode=subscribe&hub.topic=https%3A%2F%2Fnews.example%2Ffeeds%2Fa+b",
        "https://sub.example/cb?, https://sub.example/cb?hub.mode=subscribe&hub.topic=https%3A%2F%2Fnews.example%2Ffeeds%2Fa+b",
        "https://sub.example/cb?id=7&x=a%20b, https://sub.example/cb?id=7&x=a%20b&hub.mode=subscribe&hub.topic=https%3A%2F%2Fnews.example%2Ffeeds%2Fa+b",
        "https://sub.example/cb?id=7&, https://sub.example/cb?id=7&hub.mode=subscribe&hub.topic=https%3A%2F%2Fnews.example%2Ffeeds%2Fa+b",
    })
    void parametersAreAppended(String callback, String expected) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hub.mode", "subscribe");
        params.put("hub.topic", "https://news.example/feeds/a b");
        assertEquals(expected, IntentVerifier.withQuery(callback, params));
    }
}
