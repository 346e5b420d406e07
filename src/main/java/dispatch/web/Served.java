package dispatch.web;

import dispatch.feed.Representation;
import io.vertx.core.buffer.Buffer;

/**
 * A representation prepared for the wire once: both bodies as buffers and every header value as a
 * string, so that answering a request allocates next to nothing.
 */
final class Served {

    final Buffer body;
    final Buffer gzipBody;
    final String etag;
    final String gzipEtag;
    final String length;
    final String gzipLength;
    final String contentType;
    final String lastModified;
    final String cacheControl;
    final String vary;
    final Representation representation;

    /** Prepares {@code r}, sent with {@code cacheControl} and {@code Vary: Accept-Encoding}. */
    Served(Representation r, String cacheControl) {
        this(r, cacheControl, "Accept-Encoding");
    }

    /** Prepares {@code r}, sent with {@code cacheControl} and {@code vary}. */
    Served(Representation r, String cacheControl, String vary) {
        this.representation = r;
        this.vary = vary;
        this.body = wrap(r.body());
        this.gzipBody = wrap(r.gzipBody());
        this.etag = r.etag();
        this.gzipEtag = r.gzipEtag();
        this.length = Integer.toString(r.body().length);
        this.gzipLength = Integer.toString(r.gzipBody().length);
        this.contentType = r.contentType();
        this.lastModified = HttpDates.format(r.lastModified());
        this.cacheControl = cacheControl;
    }

    /** The bytes as a buffer Vert.x can write any number of times (it writes a duplicate). */
    private static Buffer wrap(byte[] bytes) {
        return Buffer.buffer(bytes);
    }
}
