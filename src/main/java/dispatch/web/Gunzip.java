package dispatch.web;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** The identity body of a representation, made again from its gzip body. */
final class Gunzip {

    private Gunzip() {
    }

    /** {@code gzip} decompressed, if it holds exactly {@code length} bytes whose CRC-32 matches; null otherwise. */
    static byte[] of(Buffer gzip, int length) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.getBytes()))) {
            byte[] body = in.readNBytes(length + 1);
            return body.length == length ? body : null;
        } catch (IOException e) {
            return null;
        }
    }
}
