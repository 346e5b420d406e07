package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link EntityTags#matchesWeakly}: {@code If-None-Match} lists under the weak
 * comparison of RFC 9110 §8.8.3.2, with {@code *}, whitespace, tags that contain commas, and
 * malformed members.
 */
class EntityTagsTest {

    private static final String ETAG = "\"abc\"";

    @Test
    void identicalStrongTagsMatch() {
        assertTrue(EntityTags.matchesWeakly("\"abc\"", ETAG));
    }

    @Test
    void weakHeaderTagMatchesStrongCurrentTag() {
        assertTrue(EntityTags.matchesWeakly("W/\"abc\"", ETAG));
    }

    @Test
    void strongHeaderTagMatchesWeakCurrentTag() {
        assertTrue(EntityTags.matchesWeakly("\"abc\"", "W/\"abc\""));
    }

    @Test
    void weakTagsMatchEachOther() {
        assertTrue(EntityTags.matchesWeakly("W/\"abc\"", "W/\"abc\""));
    }

    @Test
    void differentTagsDoNotMatch() {
        assertFalse(EntityTags.matchesWeakly("\"xyz\"", ETAG));
        assertFalse(EntityTags.matchesWeakly("W/\"xyz\"", ETAG));
    }

    @Test
    void prefixOrExtensionOfTheTagDoesNotMatch() {
        assertFalse(EntityTags.matchesWeakly("\"ab\"", ETAG));
        assertFalse(EntityTags.matchesWeakly("\"abcd\"", ETAG));
        assertFalse(EntityTags.matchesWeakly("\"abc\"", "\"abcd\""));
    }

    @Test
    void comparisonIsCaseSensitive() {
        assertFalse(EntityTags.matchesWeakly("\"ABC\"", ETAG));
    }

    @Test
    void unquotedTagDoesNotMatch() {
        assertFalse(EntityTags.matchesWeakly("abc", ETAG));
        assertFalse(EntityTags.matchesWeakly("W/abc", ETAG));
    }

    @Test
    void lowercaseWeakPrefixIsNotAWeakIndicator() {
        // RFC 9110 §8.8.3: the weak indicator is the case-sensitive "W/".
        assertFalse(EntityTags.matchesWeakly("w/\"abc\"", ETAG));
    }

    @Test
    void starMatchesAnyTag() {
        assertTrue(EntityTags.matchesWeakly("*", ETAG));
        assertTrue(EntityTags.matchesWeakly("*", "W/\"anything\""));
    }

    @Test
    void starWithSurroundingWhitespaceMatches() {
        assertTrue(EntityTags.matchesWeakly("  *\t", ETAG));
    }

    @Test
    void quotedStarIsAnOrdinaryTag() {
        assertFalse(EntityTags.matchesWeakly("\"*\"", ETAG));
    }

    @Test
    void matchingTagAnywhereInAListMatches() {
        assertTrue(EntityTags.matchesWeakly("\"abc\", \"x\", \"y\"", ETAG));
        assertTrue(EntityTags.matchesWeakly("\"x\", \"abc\", \"y\"", ETAG));
        assertTrue(EntityTags.matchesWeakly("\"x\", \"y\", W/\"abc\"", ETAG));
    }

    @Test
    void listWithoutSpacesMatches() {
        assertTrue(EntityTags.matchesWeakly("\"x\",\"abc\"", ETAG));
    }

    @Test
    void listWithTabsExtraSpacesAndEmptyMembersMatches() {
        assertTrue(EntityTags.matchesWeakly(" ,\t\"x\" ,  , \t W/\"abc\" , ", ETAG));
    }

    @Test
    void listWithoutTheTagDoesNotMatch() {
        assertFalse(EntityTags.matchesWeakly("\"x\", W/\"y\", \"z\"", ETAG));
    }

    @Test
    void tagContainingACommaIsOneTag() {
        assertTrue(EntityTags.matchesWeakly("\"a,b\"", "\"a,b\""));
        assertTrue(EntityTags.matchesWeakly("\"x\", W/\"a,b\"", "\"a,b\""));
    }

    @Test
    void partsOfATagContainingACommaAreNotTags() {
        assertFalse(EntityTags.matchesWeakly("\"a,b\"", "\"a\""));
        assertFalse(EntityTags.matchesWeakly("\"a,b\"", "\"b\""));
        assertFalse(EntityTags.matchesWeakly("\"x,abc\"", ETAG));
    }

    @Test
    void malformedMembersAreSkipped() {
        assertTrue(EntityTags.matchesWeakly("abc, \"abc\"", ETAG));
        assertTrue(EntityTags.matchesWeakly("W/abc, \"abc\"", ETAG));
        assertTrue(EntityTags.matchesWeakly("garbage; q=1, W/\"abc\"", ETAG));
        assertTrue(EntityTags.matchesWeakly("\"x\"junk, \"abc\"", ETAG));
    }

    @Test
    void starInsideAMalformedMemberIsNotAStar() {
        assertFalse(EntityTags.matchesWeakly("x*y, \"z\"", ETAG));
    }

    @Test
    void unclosedQuoteDoesNotMatch() {
        assertFalse(EntityTags.matchesWeakly("\"abc", ETAG));
        assertFalse(EntityTags.matchesWeakly("W/\"abc", ETAG));
    }

    @Test
    void emptyHeaderOrOnlySeparatorsMatchNothing() {
        assertFalse(EntityTags.matchesWeakly("", ETAG));
        assertFalse(EntityTags.matchesWeakly(" , ,\t", ETAG));
    }

    @Test
    void ifMatchUsesTheStrongComparison() {
        assertTrue(EntityTags.matchesStrongly("\"a\"", "\"a\""));
        assertTrue(EntityTags.matchesStrongly("\"x\", \"a\"", "\"a\""));
        assertTrue(EntityTags.matchesStrongly("*", "\"a\""));
        assertFalse(EntityTags.matchesStrongly("W/\"a\"", "\"a\""), "a weak tag in the list");
        assertFalse(EntityTags.matchesStrongly("\"a\"", "W/\"a\""), "a weak current tag");
        assertFalse(EntityTags.matchesStrongly("\"b\"", "\"a\""));
        assertFalse(EntityTags.matchesStrongly("", "\"a\""));
    }
}
