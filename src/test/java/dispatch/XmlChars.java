package dispatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts text holds only characters XML 1.0 allows (§2.2). */
public final class XmlChars {

    private XmlChars() {
    }

    /** Every character of {@code s} is one XML 1.0 allows. */
    public static void assertXmlSafe(String s) {
        s.codePoints().forEach(c -> assertTrue(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF, () -> "U+" + Integer.toHexString(c) + " in output"));
    }
}
