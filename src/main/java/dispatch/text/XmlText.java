package dispatch.text;

/**
 * Text that XML 1.0 can carry: removes every character the XML 1.0 {@code Char} production
 * forbids (C0 controls other than tab, line feed and carriage return, lone surrogates, U+FFFE and
 * U+FFFF). JDOM, under Rome, refuses a whole document for one such character, so all text is
 * cleaned before it reaches a renderer.
 */
public final class XmlText {

    private XmlText() {
    }

    /** {@code text} without the characters XML 1.0 forbids; the same instance when it has none. */
    public static String clean(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isAllowed(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(text, 0, i);
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isAllowed(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Whether the code point is in XML 1.0's {@code Char} production. A lone surrogate, which
     * {@link String#codePointAt} returns as itself, is not.
     */
    public static boolean isAllowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
