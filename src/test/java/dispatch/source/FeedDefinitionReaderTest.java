package dispatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.feed.FeedDefinition;
import dispatch.feed.RelatedMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unit tests for {@link FeedDefinitionReader}: defaults, every key, and every way a
 * {@code feed.yaml} is refused (unknown key, bad {@code related-headlines}, {@code ttl} or
 * {@code limit} below 1, a value of the wrong type, a bad language tag, no title, not YAML), each
 * with a message that names the key and says what is wrong. Plain JUnit.
 */
class FeedDefinitionReaderTest {

    private static FeedDefinition read(String yaml) throws FeedDefinitionException {
        return FeedDefinitionReader.read("world", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String yaml) {
        FeedDefinitionException e = assertThrows(FeedDefinitionException.class, () -> read(yaml),
                () -> "should be refused: " + yaml);
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a message for " + yaml);
        return e.getMessage();
    }

    private static void assertContains(String message, String expected) {
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in the message: " + message);
    }

    /** A message for people who write YAML, not Java: no Java type names, no Jackson tokens. */
    private static void assertNoJavaInternals(String message) {
        for (String internal : new String[] {"java.lang", "dispatch.", "$Raw", "JsonToken", "`"}) {
            assertFalse(message.contains(internal), () -> "the message leaks '" + internal + "': " + message);
        }
    }

    // ---------------------------------------------------------------- defaults and keys

    @Test
    void titleAloneGivesEveryDefault() throws Exception {
        FeedDefinition def = read("title: World News\n");
        assertEquals("world", def.id());
        assertEquals("World News", def.title());
        assertEquals("World News", def.description(), "description defaults to the title");
        assertEquals("World News", def.author(), "author defaults to the title");
        assertEquals(Optional.empty(), def.language());
        assertEquals(Duration.ofMinutes(15), def.ttl());
        assertEquals(FeedDefinition.DEFAULT_TTL, def.ttl());
        assertEquals(RelatedMode.ENTRIES, def.related());
        assertEquals(50, def.limit());
        assertEquals(FeedDefinition.DEFAULT_LIMIT, def.limit());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        FeedDefinition def = read("""
                # The world news feed.
                title: World News
                description: World news from Dispatch.
                language: en-GB
                author: Dispatch World Desk
                ttl: 30
                related-headlines: links
                limit: 10
                """);
        assertEquals(new FeedDefinition("world", "World News", "World news from Dispatch.", Optional.of("en-GB"),
                "Dispatch World Desk", Duration.ofMinutes(30), RelatedMode.LINKS, 10), def);
    }

    @Test
    void theShippedWorldFeedYamlIsValid() throws Exception {
        FeedDefinition def = read("""
                # The world news feed. Every other .txt or .md file in this folder is an article.
                title: World News
                description: World news from Dispatch, with the headlines related to each story.
                language: en
                author: Dispatch World Desk
                ttl: 15
                related-headlines: entries
                limit: 50
                """);
        assertEquals(Optional.of("en"), def.language());
        assertEquals(RelatedMode.ENTRIES, def.related());
    }

    @Test
    void blankDescriptionAndAuthorFallBackToTheTitle() throws Exception {
        FeedDefinition def = read("title: World\ndescription: '  '\nauthor: ''\n");
        assertEquals("World", def.description());
        assertEquals("World", def.author());
    }

    @Test
    void textIsStrippedAndCleanedOfCharactersXmlForbids() throws Exception {
        FeedDefinition def = read("title: \"  World\\x01 News  \"\ndescription: \"About\\x0B it \"\nlanguage: ' en-GB '\n");
        assertEquals("World News", def.title());
        assertEquals("About it", def.description());
        assertEquals(Optional.of("en-GB"), def.language());
    }

    @Test
    void titleMayHoldMarkupCharactersAsText() throws Exception {
        assertEquals("Edge <Cases> & Co", read("title: Edge <Cases> & Co\n").title());
    }

    @Test
    void utf8TitleIsKept() throws Exception {
        assertEquals("Nouvelles du monde \u00e0 Z\u00fcrich", read("title: Nouvelles du monde \u00e0 Z\u00fcrich\n").title());
    }

    @ParameterizedTest
    @ValueSource(strings = {"entries", "ENTRIES", " Entries "})
    void relatedHeadlinesEntriesIsReadWhateverItsCase(String value) throws Exception {
        assertEquals(RelatedMode.ENTRIES, read("title: T\nrelated-headlines: '" + value + "'\n").related());
    }

    @ParameterizedTest
    @ValueSource(strings = {"links", "Links", "LINKS"})
    void relatedHeadlinesLinksIsReadWhateverItsCase(String value) throws Exception {
        assertEquals(RelatedMode.LINKS, read("title: T\nrelated-headlines: " + value + "\n").related());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN", "fr-CA", "zh-Hant-TW", "gsw", "en-GB-oxendict"})
    void languageTagsAreAccepted(String tag) throws Exception {
        assertEquals(Optional.of(tag), read("title: T\nlanguage: " + tag + "\n").language());
    }

    @Test
    void ttlOfOneMinuteAndLimitOfOneAreTheSmallestAccepted() throws Exception {
        FeedDefinition def = read("title: T\nttl: 1\nlimit: 1\n");
        assertEquals(Duration.ofMinutes(1), def.ttl());
        assertEquals(1, def.limit());
    }

    // ---------------------------------------------------------------- refused

    @Test
    void unknownKeyIsRefusedByName() {
        String message = refused("title: T\ntitel: typo\n");
        assertContains(message, "unknown key 'titel'");
        assertContains(message, FeedDefinitionReader.KEYS);
    }

    @Test
    void keyWithTheWrongSpellingOfRelatedHeadlinesIsRefused() {
        assertContains(refused("title: T\nrelated_headlines: links\n"), "unknown key 'related_headlines'");
    }

    @Test
    void badRelatedHeadlinesIsRefusedSayingWhatIsAllowed() {
        String message = refused("title: T\nrelated-headlines: both\n");
        assertEquals("'related-headlines' must be 'entries' or 'links', was 'both'", message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -15})
    void ttlBelowOneMinuteIsRefused(int ttl) {
        String message = refused("title: T\nttl: " + ttl + "\n");
        assertContains(message, "'ttl'");
        assertContains(message, "at least 1");
        assertContains(message, "was " + ttl);
    }

    @Test
    void limitBelowOneIsRefused() {
        String message = refused("title: T\nlimit: 0\n");
        assertEquals("'limit' must be at least 1, was 0", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"English", "en_GB", "e", "42", "en-", "en GB", "toolongtag"})
    void badLanguageTagIsRefused(String tag) {
        String message = refused("title: T\nlanguage: '" + tag + "'\n");
        assertContains(message, "'language' must be a language tag");
        assertContains(message, "'" + tag + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"description: No title here\n", "title:\n", "title: ''\n", "title: '   '\n", "title: ~\n"})
    void missingOrBlankTitleIsRefused(String yaml) {
        assertEquals("'title' is required", refused(yaml));
    }

    /** An empty {@code feed.yaml} (or one holding only comments) lacks a title like any other. */
    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "# just a comment\n"})
    void emptyFeedYamlIsRefusedForItsMissingTitle(String yaml) {
        assertContains(refused(yaml), "'title' is required");
    }

    @Test
    void malformedYamlIsRefused() {
        String message = refused("title: World\n  ttl: : 15\n\t- oops\n");
        assertFalse(message.isBlank());
    }

    /**
     * A value of the wrong type must be reported by its key and in words; Jackson's own message
     * ("Cannot deserialize value of type `java.lang.Integer` from String ...") names neither the
     * key nor the file's terms.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ttl               | soon",
        "limit             | many",
        "ttl               | 99999999999",
        "related-headlines | [entries, links]",
        "title             | {text: World}"})
    void valueOfTheWrongTypeIsRefusedNamingTheKey(String key, String value) {
        String message = refused((key.equals("title") ? "" : "title: T\n") + key + ": " + value + "\n");
        assertContains(message, key);
        assertNoJavaInternals(message);
    }

    @Test
    void feedYamlThatIsAListIsRefusedInWords() {
        assertNoJavaInternals(refused("- title: T\n"));
    }

    /** Refused as {@code ttl: 0} is: the reader's own message says "a whole number of minutes". */
    @Test
    void ttlThatIsNotAWholeNumberIsRefused() {
        assertContains(refused("title: T\nttl: 1.5\n"), "ttl");
    }
}
