package dispatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dispatch.XmlChars;
import dispatch.feed.FeedDefinition;

/**
 * Fuzzes the {@code feed.yaml} reader. Properties: bad bytes are refused with a
 * {@link FeedDefinitionException} that says why, never another exception; a definition read has
 * a title and a description free of characters XML 1.0 forbids, a positive ttl and limit within
 * their bounds; reading is deterministic.
 */
class FeedYamlFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void feedYaml(byte[] yaml) {
        FeedDefinition definition;
        try {
            definition = FeedDefinitionReader.read("fuzz", yaml);
        } catch (FeedDefinitionException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal says why");
            return;
        }
        assertFalse(definition.title().isBlank());
        XmlChars.assertXmlSafe(definition.title());
        XmlChars.assertXmlSafe(definition.description());
        assertTrue(definition.ttl().toMinutes() >= 1 && definition.ttl().toMinutes() <= FeedDefinitionReader.MAX_TTL_MINUTES);
        assertTrue(definition.limit() >= 1 && definition.limit() <= FeedDefinitionReader.MAX_LIMIT);
        try {
            assertEquals(definition, FeedDefinitionReader.read("fuzz", yaml.clone()), "the same bytes read the same");
        } catch (FeedDefinitionException e) {
            throw new AssertionError("read once, refused the second time", e);
        }
    }
}
