package dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link TextDecoder}: strict UTF-8 with a tolerated byte order mark, binary and
 * empty files refused with a reason, line ends made {@code \n}, and characters XML 1.0 forbids
 * removed.
 */
class TextDecoderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static TextException refused(byte[] bytes) {
        return assertThrows(TextException.class, () -> TextDecoder.decode(bytes));
    }

    private static void assertMessageContains(TextException e, String expected) {
        assertTrue(e.getMessage().contains(expected),
                () -> "expected the message to contain '" + expected + "' but it was: " + e.getMessage());
    }

    @Test
    void decodesMultiByteUtf8() throws Exception {
        String text = "Sinirlio\u011Flu \u2013 \u201Cquoted\u201D \u00E9t\u00E9 \u4E2D\u6587 \uD83D\uDE00";
        assertEquals(text, TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leadingByteOrderMarkIsDropped() throws Exception {
        assertEquals("Headline\n", TextDecoder.decode(bytes(BOM, "Headline\n")));
    }

    @Test
    void byteOrderMarkAfterTheStartIsKeptAsACharacter() throws Exception {
        assertEquals("a\uFEFFb", TextDecoder.decode(bytes("a", BOM, "b")));
    }

    @Test
    void crlfAndLoneCrBecomeLf() throws Exception {
        assertEquals("a\nb\nc\n\nd\n", TextDecoder.decode(bytes("a\r\nb\rc\r\n\rd\n")));
    }

    @Test
    void crBeforeCrlfIsTwoLineEnds() {
        assertEquals("a\n\nb", TextDecoder.normalizeLineEnds("a\r\r\nb"));
    }

    @Test
    void textWithoutCarriageReturnIsReturnedAsTheSameInstance() {
        String text = "a\nb\n";
        assertSame(text, TextDecoder.normalizeLineEnds(text));
    }

    @Test
    void tabsAndSurroundingWhitespaceAreKept() throws Exception {
        assertEquals("  a\tb  \n", TextDecoder.decode(bytes("  a\tb  \n")));
    }

    @Test
    void xmlForbiddenCharactersAreRemoved() throws Exception {
        byte[] input = bytes("a", 0x01, "b", 0x0B, "c", 0x0C, "d", 0x1F, "e", new byte[] {
            (byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, "f", new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, "g");
        assertEquals("abcdefg", TextDecoder.decode(input));
    }

    @Test
    void emptyFileIsRefused() {
        assertEquals("the file is empty", refused(new byte[0]).getMessage());
    }

    @Test
    void whitespaceOnlyFileIsRefused() {
        assertEquals("the file has no text", refused(bytes(" \n\t\r\n ")).getMessage());
    }

    @Test
    void byteOrderMarkOnlyFileIsRefused() {
        assertEquals("the file has no text", refused(BOM).getMessage());
    }

    @Test
    void fileOfOnlyForbiddenControlCharactersIsRefused() {
        assertEquals("the file has no text", refused(bytes(0x01, 0x02, "\n", 0x0B)).getMessage());
    }

    @Test
    void nulByteIsRefusedAsBinaryNamingTheOffset() {
        TextException e = refused(bytes("ab", 0x00, "cd"));
        assertEquals("binary file (NUL byte at offset 2)", e.getMessage());
    }

    @Test
    void nulByteAfterAByteOrderMarkCountsTheMarkInTheOffset() {
        assertMessageContains(refused(bytes(BOM, 0x00)), "offset 3");
    }

    @Test
    void utf16IsRefusedByItsNameNotAsBinary() {
        String text = "Headline\n\nA paragraph.\n";
        assertEquals("UTF-16 (big-endian, with a byte order mark) text, not UTF-8: save it as UTF-8",
                refused(text.getBytes(StandardCharsets.UTF_16)).getMessage());
        assertMessageContains(refused(bytes(0xFF, 0xFE, "H", 0x00, "i", 0x00)), "UTF-16 (little-endian, with a byte order mark)");
        assertMessageContains(refused(text.getBytes(StandardCharsets.UTF_16LE)), "UTF-16 (little-endian) text");
        assertMessageContains(refused(text.getBytes(StandardCharsets.UTF_16BE)), "UTF-16 (big-endian) text");
    }

    @Test
    void utf32IsRefusedByItsName() {
        assertMessageContains(refused(bytes(0xFF, 0xFE, 0x00, 0x00, "H", 0x00, 0x00, 0x00)), "UTF-32 (little-endian");
        assertMessageContains(refused(bytes(0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, "H")), "UTF-32 (big-endian");
    }

    @Test
    void aFewNulBytesInAsciiAreBinaryNotUtf16() {
        assertMessageContains(refused(bytes("abcd", 0x00, "efgh")), "binary");
    }

    @Test
    void latin1ByteIsRefusedAsNotUtf8NamingTheOffset() {
        TextException e = refused(bytes("caf", 0xE9, " au lait"));
        assertMessageContains(e, "not valid UTF-8");
        assertMessageContains(e, "offset 3");
        assertTrue(e.getCause() instanceof CharacterCodingException, String.valueOf(e.getCause()));
    }

    @Test
    void offsetOfInvalidUtf8CountsTheByteOrderMark() {
        assertMessageContains(refused(bytes(BOM, "caf", 0xE9)), "offset 6");
    }

    @Test
    void truncatedMultiByteSequenceAtTheEndIsRefused() {
        assertMessageContains(refused(bytes("caf", 0xC3)), "not valid UTF-8");
    }

    @Test
    void loneContinuationByteIsRefused() {
        assertMessageContains(refused(bytes("a", 0x80, "b")), "not valid UTF-8");
    }

    @Test
    void overlongEncodingIsRefused() {
        assertMessageContains(refused(bytes("a", 0xC0, 0xAF)), "not valid UTF-8");
    }

    @Test
    void encodedSurrogateIsRefused() {
        assertMessageContains(refused(bytes("a", 0xED, 0xA0, 0x80)), "not valid UTF-8");
    }

    @Test
    void codePointAboveUnicodeRangeIsRefused() {
        assertMessageContains(refused(bytes("a", 0xF4, 0x90, 0x80, 0x80)), "not valid UTF-8");
    }
}
