package dispatch.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered document ready to serve: its bytes, the same bytes gzipped, a strong entity tag for
 * each (derived from the bytes, so equal content has equal tags on every replica and after every
 * restart), its media type and when its content last changed. Computed once per content change;
 * a request only picks one.
 *
 * <p>Feed documents live outside the Java heap, in read-only direct buffers: a server hands them
 * to the socket without copying them first (it would copy a heap array into a direct buffer on
 * every response), and the heap holds only what is being worked on, not every document served.
 * Small pages made on request stay on the heap ({@link #onHeap}). A feed document's identity body
 * may live in a file instead ({@link #withBodyIn}), sent from the page cache with {@code sendfile}.
 */
public final class Representation {

    private final ByteBuffer body;
    private final Path bodyFile;
    private final int length;
    private final ByteBuffer gzipBody;
    private final String etag;
    private final String gzipEtag;
    private final String contentType;
    private final Instant lastModified;
    private final boolean gzipped;

    private Representation(ByteBuffer body, ByteBuffer gzipBody, String etag, String gzipEtag, String contentType, Instant lastModified) {
        this(body, null, body.remaining(), gzipBody, etag, gzipEtag, contentType, lastModified, true);
    }

    private Representation(ByteBuffer body, Path bodyFile, int length, ByteBuffer gzipBody, String etag, String gzipEtag, String contentType,
            Instant lastModified, boolean gzipped) {
        this.gzipped = gzipped;
        this.body = body;
        this.bodyFile = bodyFile;
        this.length = length;
        this.gzipBody = gzipBody;
        this.etag = etag;
        this.gzipEtag = gzipEtag;
        this.contentType = contentType;
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Prepares {@code body} for serving: gzips it at {@code gzipLevel} (1–9) and computes both
     * entity tags. Both bodies are copied out of the heap; {@code body} is not kept.
     */
    public static Representation of(byte[] body, String contentType, Instant lastModified, int gzipLevel) {
        return of(body, contentType, lastModified, gzipLevel, BodyKeeper.IN_MEMORY);
    }

    /**
     * Where a feed document's identity body is kept: {@link #keep} is given the body's entity tag
     * and bytes, and names the file it wrote them to ({@link #withBodyIn}), or none, and the body
     * then stays in memory, off the heap.
     */
    @FunctionalInterface
    public interface BodyKeeper {

        /** Keeps every body in memory. */
        BodyKeeper IN_MEMORY = (etag, body) -> Optional.empty();

        /** The file now holding {@code body}, whose entity tag is {@code etag}; empty to keep it in memory. */
        Optional<Path> keep(String etag, ByteBuffer body);
    }

    /**
     * Prepares {@code body} as {@link #of(byte[], String, Instant, int)} does, its identity body
     * kept where {@code keeper} puts it: never copied into direct memory when it goes to a file.
     */
    public static Representation of(byte[] body, String contentType, Instant lastModified, int gzipLevel, BodyKeeper keeper) {
        byte[] gzip = gzip(body, gzipLevel);
        String etag = entityTag(body);
        Optional<Path> file = keeper.keep(etag, ByteBuffer.wrap(body).asReadOnlyBuffer());
        return new Representation(file.isPresent() ? null : offHeap(body), file.orElse(null), body.length, offHeap(gzip), etag,
                entityTag(gzip), contentType, lastModified, true);
    }

    /**
     * Prepares {@code body} as {@link #of} does but keeps both bodies on the heap: for small
     * documents made while answering a request (pages), whose allocation must never wait for the
     * JVM to free direct memory. {@code body} is kept; do not change it afterwards.
     */
    public static Representation onHeap(byte[] body, String contentType, Instant lastModified, int gzipLevel) {
        return prepare(body, contentType, lastModified, gzipLevel, bytes -> ByteBuffer.wrap(bytes).asReadOnlyBuffer());
    }

    /**
     * Prepares {@code body}, already compressed (an image, audio, video), for serving as it is,
     * off the heap: it has no gzip body ({@link #hasGzip()} is false), and is served identity-encoded to every client.
     */
    public static Representation uncompressed(byte[] body, String contentType, Instant lastModified) {
        ByteBuffer stored = offHeap(body);
        String tag = entityTag(body);
        return new Representation(stored, null, body.length, stored, tag, tag, contentType, lastModified, false);
    }

    /**
     * A representation prepared before and kept (its bodies and their entity tags, as {@link #of}
     * made them), without gzipping or hashing again: the caller has checked the bytes are whole.
     * The gzip body is copied off the heap; the identity body goes where {@code keeper} puts it,
     * else off the heap too.
     */
    public static Representation restored(ByteBuffer body, ByteBuffer gzip, String etag, String gzipEtag, String contentType, Instant lastModified,
            BodyKeeper keeper) {
        Optional<Path> file = keeper.keep(etag, body.duplicate());
        return new Representation(file.isPresent() ? null : offHeap(body), file.orElse(null), body.remaining(), offHeap(gzip), etag, gzipEtag,
                contentType, lastModified, true);
    }

    /** Whether a gzip body exists; if not, {@link #gzipBody()} is the identity body. */
    public boolean hasGzip() {
        return gzipped;
    }

    /** Gzips {@code body}, tags both bodies, and keeps each as {@code store} makes it. */
    private static Representation prepare(byte[] body, String contentType, Instant lastModified, int gzipLevel,
            Function<byte[], ByteBuffer> store) {
        byte[] gzip = gzip(body, gzipLevel);
        return new Representation(store.apply(body), store.apply(gzip), entityTag(body), entityTag(gzip), contentType, lastModified);
    }

    private static ByteBuffer offHeap(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    private static ByteBuffer offHeap(ByteBuffer bytes) {
        return ByteBuffer.allocateDirect(bytes.remaining()).put(bytes.duplicate()).flip().asReadOnlyBuffer();
    }

    /** The same representation, last modified at {@code instant} instead. */
    public Representation withLastModified(Instant instant) {
        return new Representation(body, bodyFile, length, gzipBody, etag, gzipEtag, contentType, instant, gzipped);
    }

    /**
     * The same representation with its identity body in {@code file} instead of in memory, to be
     * sent from there ({@code sendfile}); the caller has written exactly {@link #body()} to it and
     * does not change it while this representation is served.
     */
    public Representation withBodyIn(Path file) {
        return new Representation(null, file, length, gzipBody, etag, gzipEtag, contentType, lastModified, gzipped);
    }

    /** The file its identity body is sent from, if it is not held in memory. */
    public Optional<Path> bodyFile() {
        return Optional.ofNullable(bodyFile);
    }

    /**
     * The identity-encoded bytes: a read-only buffer of its own, from the first byte to the last;
     * read from its file if it is kept in one.
     *
     * @throws UncheckedIOException if its file cannot be read or has another length
     */
    public ByteBuffer body() {
        if (bodyFile == null) {
            return body.duplicate();
        }
        try {
            byte[] bytes = Files.readAllBytes(bodyFile);
            if (bytes.length != length) {
                throw new IOException(bodyFile + " no longer holds the body it was written with");
            }
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of the identity-encoded bytes. */
    public int length() {
        return length;
    }

    /** The gzip-encoded bytes: a read-only buffer of its own, from the first byte to the last. */
    public ByteBuffer gzipBody() {
        return gzipBody.duplicate();
    }

    /** The strong entity tag of {@link #body()}, quoted, such as {@code "3q2-7w"}. */
    public String etag() {
        return etag;
    }

    /** The strong entity tag of {@link #gzipBody()}, quoted. */
    public String gzipEtag() {
        return gzipEtag;
    }

    /** The {@code Content-Type}, charset included. */
    public String contentType() {
        return contentType;
    }

    /** When the content last changed, to the second (HTTP dates have no finer precision). */
    public Instant lastModified() {
        return lastModified;
    }

    /** Whether both hold the same bytes (and so the same entity tags). */
    public boolean sameBytes(Representation other) {
        return other != null && etag.equals(other.etag);
    }

    /** A strong entity tag: 144 bits of the SHA-256 of {@code bytes}, base64url, quoted. */
    public static String entityTag(byte[] bytes) {
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Sha256.of(bytes), 18)) + '"';
    }

    /** Gzips {@code bytes}; the header carries no time or name, so equal input gives equal output. */
    static byte[] gzip(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new LeveledGzipOutputStream(out, level)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** A {@link GZIPOutputStream} at a chosen compression level. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(Math.max(Deflater.BEST_SPEED, Math.min(Deflater.BEST_COMPRESSION, level)));
        }
    }
}
