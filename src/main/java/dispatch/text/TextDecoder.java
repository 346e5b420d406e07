package dispatch.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an article file's bytes into clean text: strict UTF-8 (a byte order mark is tolerated),
 * binary refused, line ends made {@code \n}, and characters that XML 1.0 forbids removed.
 */
public final class TextDecoder {

    private TextDecoder() {
    }

    /**
     * Decodes {@code bytes} as an article's text.
     *
     * @throws TextException if the bytes are empty, binary or not UTF-8
     */
    public static String decode(byte[] bytes) throws TextException {
        if (bytes.length == 0) {
            throw new TextException("the file is empty");
        }
        String wide = wideEncoding(bytes);
        if (wide != null) {
            throw new TextException(wide + " text, not UTF-8: save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new TextException("binary file (NUL byte at offset " + i + ")");
            }
        }
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out;
        try {
            out = decoder.decode(in);
        } catch (CharacterCodingException e) {
            throw new TextException("not valid UTF-8 (near byte offset " + in.position() + ")", e);
        }
        String text = normalizeLineEnds(out.toString());
        text = XmlText.clean(text);
        if (text.isBlank()) {
            throw new TextException("the file has no text");
        }
        return text;
    }

    /**
     * The UTF-16 or UTF-32 encoding {@code b} is in, named for people, or null: told by its byte
     * order mark, or, without one, by ASCII text's NUL byte beside every character.
     */
    static String wideEncoding(byte[] b) {
        int n = b.length;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return "UTF-32 (big-endian, with a byte order mark)";
        }
        if (n >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32 (little-endian, with a byte order mark)";
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return "UTF-16 (big-endian, with a byte order mark)";
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return "UTF-16 (little-endian, with a byte order mark)";
        }
        if (n < 4 || n % 2 != 0) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        int pairs = Math.min(n, 4096) / 2;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenNul += b[i] == 0 ? 1 : 0;
            oddNul += b[i + 1] == 0 ? 1 : 0;
        }
        if (oddNul * 10 >= pairs * 9 && evenNul == 0) {
            return "UTF-16 (little-endian)";
        }
        if (evenNul * 10 >= pairs * 9 && oddNul == 0) {
            return "UTF-16 (big-endian)";
        }
        return null;
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    /** Turns CRLF and lone CR line ends into LF. */
    public static String normalizeLineEnds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
