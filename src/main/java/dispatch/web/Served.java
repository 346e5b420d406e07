package dispatch.web;

import dispatch.feed.Representation;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.nio.ByteBuffer;

/**
 * A representation prepared for the wire once: both bodies as buffers and every header value
 * pre-encoded ({@link HttpHeaders#createOptimized}), so that answering a request only picks them.
 * Made by {@link CachePolicy}, which decides the caching headers.
 */
final class Served {

    /** The identity body in memory; null when it is sent from {@link #bodyFile}. */
    final Buffer body;
    /** The file the identity body is sent from ({@code sendfile}); null when it is in memory. */
    final String bodyFile;
    /** The identity body's length. */
    final int identityLength;
    final Buffer gzipBody;
    final String etag;
    final String gzipEtag;
    final CharSequence etagHeader;
    final CharSequence gzipEtagHeader;
    final CharSequence length;
    final CharSequence gzipLength;
    final CharSequence contentType;
    final String lastModified;
    final CharSequence lastModifiedHeader;
    final CharSequence cacheControl;
    final CharSequence vary;
    /** The page's {@code Content-Security-Policy}; null for documents that are not HTML pages. */
    final CharSequence pagePolicy;
    /** The {@code Link} header of a feed document (self and hubs); null for other documents. */
    final CharSequence link;
    /** Whether a gzip body exists; images and media are served as they are to everyone. */
    final boolean compressible;
    /**
     * Its request counters, or null; set once by {@link RequestMeters#metered} before the served
     * object is published to the event loops (with the catalog it belongs to), never after.
     */
    ServedMeters meters;
    final Representation representation;

    /** Prepares {@code r}, sent with {@code cacheControl} and {@code vary}. */
    Served(Representation r, String cacheControl, String vary) {
        this(r, cacheControl, vary, null, null);
    }

    /**
     * Prepares {@code r}, sent with {@code cacheControl} and {@code vary}; an HTML page also with
     * its {@code pagePolicy} and the other {@link PageSecurity} headers, a feed document with its
     * {@code link} header.
     */
    Served(Representation r, String cacheControl, String vary, CharSequence pagePolicy, String link) {
        this.representation = r;
        this.compressible = r.hasGzip();
        this.pagePolicy = pagePolicy;
        this.link = link == null ? null : HttpHeaders.createOptimized(link);
        this.bodyFile = r.bodyFile().map(Object::toString).orElse(null);
        this.body = bodyFile == null ? wrap(r.body()) : null;
        this.identityLength = r.length();
        this.gzipBody = wrap(r.gzipBody());
        this.etag = r.etag();
        this.gzipEtag = r.gzipEtag();
        this.etagHeader = HttpHeaders.createOptimized(etag);
        this.gzipEtagHeader = HttpHeaders.createOptimized(gzipEtag);
        this.length = HttpHeaders.createOptimized(Integer.toString(r.length()));
        this.gzipLength = HttpHeaders.createOptimized(Integer.toString(r.gzipBody().remaining()));
        this.contentType = HttpHeaders.createOptimized(r.contentType());
        this.lastModified = HttpDates.format(r.lastModified());
        this.lastModifiedHeader = HttpHeaders.createOptimized(lastModified);
        this.cacheControl = HttpHeaders.createOptimized(cacheControl);
        this.vary = HttpHeaders.createOptimized(vary);
    }

    /**
     * The representation's direct buffer as a Vert.x buffer, without a copy
     * ({@code Buffer.buffer(byte[])} would copy every document onto the heap, and Netty would
     * copy it back into a direct buffer on every write). Vert.x 4.5 offers no other way to wrap a
     * {@code ByteBuf} than this deprecated factory; it writes a duplicate of the buffer on every
     * response, so one buffer serves any number of them.
     */
    @SuppressWarnings("deprecation")
    private static Buffer wrap(ByteBuffer bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes)));
    }
}
