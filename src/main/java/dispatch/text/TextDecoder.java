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
