package dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link XmlText}: exactly the characters outside XML 1.0's {@code Char} production
 * are removed (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF), and
 * everything else, markup characters included, is left exactly as it was.
 */
class XmlTextTest {

    @Test
    void cleanTextIsReturnedAsTheSameInstance() {
        String text = "Erdo\u011Fan & <Putin> \"talk\"\ttabbed\nline\r\n \uD83D\uDE00 \uFFFD";
        assertSame(text, XmlText.clean(text));
    }

    @Test
    void emptyTextIsReturnedAsIs() {
        String empty = "";
        assertSame(empty, XmlText.clean(empty));
    }

    @Test
    void everyC0ControlExceptTabLineFeedAndCarriageReturnIsRemoved() {
        for (char c = 0; c < 0x20; c++) {
            String cleaned = XmlText.clean("a" + c + "b");
            if (c == '\t' || c == '\n' || c == '\r') {
                assertEquals("a" + c + "b", cleaned, "U+" + Integer.toHexString(c) + " is allowed");
            } else {
                assertEquals("ab", cleaned, "U+" + Integer.toHexString(c) + " is forbidden");
            }
        }
    }

    @Test
    void nulIsRemovedFromStrings() {
        assertEquals("ab", XmlText.clean("a\u0000b"));
    }

    @Test
    void nonCharactersFffeAndFfffAreRemovedButReplacementCharacterIsKept() {
        assertEquals("a\uFFFDb", XmlText.clean("\uFFFEa\uFFFD\uFFFFb"));
    }

    @Test
    void loneHighSurrogateIsRemoved() {
        assertEquals("ab", XmlText.clean("a\uD800b"));
        assertEquals("ab", XmlText.clean("ab\uDBFF"));
    }

    @Test
    void loneLowSurrogateIsRemoved() {
        assertEquals("ab", XmlText.clean("\uDC00ab"));
        assertEquals("ab", XmlText.clean("a\uDFFFb"));
    }

    @Test
    void surrogatesInTheWrongOrderAreBothRemoved() {
        assertEquals("ab", XmlText.clean("a\uDE00\uD83Db"));
    }

    @Test
    void validSurrogatePairsAreKeptNextToRemovedCharacters() {
        assertEquals("\uD83D\uDE00\uD834\uDD1E", XmlText.clean("\u0001\uD83D\uDE00\uD800\uD834\uDD1E\u0002"));
    }

    @Test
    void forbiddenCharactersAreRemovedAtStartMiddleAndEnd() {
        assertEquals("abc", XmlText.clean("\u0001a\u0002\u0003b\u000Bc\u001F"));
    }

    @Test
    void textOfOnlyForbiddenCharactersBecomesEmpty() {
        assertEquals("", XmlText.clean("\u0000\u0001\u000B\u000C\uFFFE\uFFFF\uD800"));
    }

    @Test
    void markupCharactersAreNotEscaped() {
        String markup = "<script>alert('x')</script> &amp; & < > \" '";
        assertSame(markup, XmlText.clean(markup));
    }

    @Test
    void deleteAndC1ControlsAreKeptBecauseXml10AllowsThem() {
        String text = "a\u007Fb\u0085c\u009Fd";
        assertSame(text, XmlText.clean(text));
    }

    @Test
    void isAllowedFollowsTheXml10CharProductionAtEveryBoundary() {
        assertTrue(XmlText.isAllowed(0x9));
        assertTrue(XmlText.isAllowed(0xA));
        assertTrue(XmlText.isAllowed(0xD));
        assertFalse(XmlText.isAllowed(0x0));
        assertFalse(XmlText.isAllowed(0x8));
        assertFalse(XmlText.isAllowed(0xB));
        assertFalse(XmlText.isAllowed(0xC));
        assertFalse(XmlText.isAllowed(0xE));
        assertFalse(XmlText.isAllowed(0x1F));
        assertTrue(XmlText.isAllowed(0x20));
        assertTrue(XmlText.isAllowed(0xD7FF));
        assertFalse(XmlText.isAllowed(0xD800));
        assertFalse(XmlText.isAllowed(0xDBFF));
        assertFalse(XmlText.isAllowed(0xDC00));
        assertFalse(XmlText.isAllowed(0xDFFF));
        assertTrue(XmlText.isAllowed(0xE000));
        assertTrue(XmlText.isAllowed(0xFFFD));
        assertFalse(XmlText.isAllowed(0xFFFE));
        assertFalse(XmlText.isAllowed(0xFFFF));
        assertTrue(XmlText.isAllowed(0x10000));
        assertTrue(XmlText.isAllowed(0x10FFFF));
        assertFalse(XmlText.isAllowed(0x110000));
        assertFalse(XmlText.isAllowed(-1));
    }
}
