package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unit tests for {@link Representation}: the gzip body decompresses to the identity body and is
 * deterministic (no time or name in its header), entity tags are strong, quoted, derived from the
 * bytes alone and differ between the two encodings, {@code lastModified} is truncated to the
 * second, and {@link Representation#withLastModified} changes nothing else. Plain JUnit.
 */
class RepresentationTest {

    private static final String TYPE = FeedFormat.ATOM.contentType();
    private static final Instant T = Instant.parse("2024-06-01T10:00:00Z");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The remaining bytes of {@code buffer}, copied. */
    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] body() {
        return bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed>" + "<entry>caf\u00e9 &amp; more</entry>\n".repeat(200) + "</feed>\n");
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static Representation of(byte[] body) {
        return Representation.of(body, TYPE, T, 6);
    }

    // ---------------------------------------------------------------- gzip

    @Test
    void gzipBodyDecompressesToTheBody() throws IOException {
        Representation r = of(body());
        assertArrayEquals(body(), gunzip(bytes(r.gzipBody())));
        assertTrue(bytes(r.gzipBody()).length < bytes(r.body()).length / 4, "repetitive XML compresses well");
    }

    @Test
    void gzipOfAnEmptyBodyDecompressesToNothing() throws IOException {
        Representation r = of(new byte[0]);
        assertEquals(0, gunzip(bytes(r.gzipBody())).length);
        assertTrue(bytes(r.gzipBody()).length > 0, "still a gzip member, with header and trailer");
    }

    @Test
    void gzipOfIncompressibleBytesStillRoundTrips() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(42).nextBytes(noise);
        assertArrayEquals(noise, gunzip(bytes(of(noise).gzipBody())));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 5, 9, 10, 100})
    void anyGzipLevelGivesValidGzipOutOfRangeLevelsAreClamped(int level) throws IOException {
        Representation r = Representation.of(body(), TYPE, T, level);
        assertArrayEquals(body(), gunzip(bytes(r.gzipBody())));
    }

    @Test
    void gzipHeaderHasNoTimestampAndNoFileName() {
        byte[] gz = bytes(of(body()).gzipBody());
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        assertEquals(8, gz[2], "deflate");
        assertEquals(0, gz[3], "no FNAME, FCOMMENT, FEXTRA or FHCRC");
        assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "MTIME is zero");
    }

    @Test
    void gzipIsDeterministicAcrossInstances() {
        Representation a = of(body());
        Representation b = Representation.of(body(), TYPE, T.plusSeconds(3600), 6);
        assertArrayEquals(bytes(a.gzipBody()), bytes(b.gzipBody()));
    }

    // ---------------------------------------------------------------- entity tags

    @Test
    void entityTagsAreStrongAndQuoted() {
        Representation r = of(body());
        for (String tag : new String[] {r.etag(), r.gzipEtag()}) {
            assertFalse(tag.startsWith("W/"), "strong: " + tag);
            assertTrue(tag.matches("\"[A-Za-z0-9_-]+\""), "quoted etagc characters only: " + tag);
            assertEquals(26, tag.length(), "144 bits, base64url, quoted: " + tag);
        }
    }

    @Test
    void identityAndGzipEntityTagsDiffer() {
        Representation r = of(body());
        assertNotEquals(r.etag(), r.gzipEtag());
    }

    @Test
    void equalBytesGiveEqualEntityTagsAcrossInstances() {
        Representation a = of(body());
        Representation b = Representation.of(body(), FeedFormat.RSS.contentType(), Instant.EPOCH, 6);
        assertEquals(a.etag(), b.etag());
        assertEquals(a.gzipEtag(), b.gzipEtag());
        assertTrue(a.sameBytes(b));
        assertTrue(b.sameBytes(a));
    }

    @Test
    void entityTagDependsOnlyOnTheBytesNotOnTheGzipLevel() {
        Representation fast = Representation.of(body(), TYPE, T, 1);
        Representation best = Representation.of(body(), TYPE, T, 9);
        assertEquals(fast.etag(), best.etag());
    }

    @Test
    void oneChangedByteChangesBothEntityTags() {
        byte[] changed = body();
        changed[changed.length / 2] ^= 1;
        Representation a = of(body());
        Representation b = of(changed);
        assertNotEquals(a.etag(), b.etag());
        assertNotEquals(a.gzipEtag(), b.gzipEtag());
        assertFalse(a.sameBytes(b));
    }

    @Test
    void sameBytesIsFalseForNull() {
        assertFalse(of(body()).sameBytes(null));
    }

    @Test
    void emptyBodyHasAnEntityTagToo() {
        Representation r = of(new byte[0]);
        assertTrue(r.etag().matches("\"[A-Za-z0-9_-]{24}\""), r.etag());
        assertNotEquals(r.etag(), of(new byte[] {0}).etag());
    }

    // ---------------------------------------------------------------- the rest

    @Test
    void keepsTheBodyAndContentType() {
        byte[] body = body();
        Representation r = Representation.of(body, TYPE, T, 6);
        assertArrayEquals(body, bytes(r.body()));
        assertTrue(r.body().isDirect(), "outside the heap, handed to sockets without a copy");
        assertTrue(r.body().isReadOnly() && r.gzipBody().isReadOnly(), "shared by every response: read-only");
        body[0] ^= 1;
        assertNotEquals(body[0], bytes(r.body())[0], "a copy of the caller's array, not the array");
        assertEquals("application/atom+xml; charset=utf-8", r.contentType());
    }

    @Test
    void onHeapGivesTheSameBytesAndTagsKeptOnTheHeap() {
        Representation direct = of(body());
        Representation heap = Representation.onHeap(body(), TYPE, T, 6);
        assertFalse(heap.body().isDirect());
        assertTrue(heap.body().isReadOnly() && heap.gzipBody().isReadOnly());
        assertEquals(direct.body(), heap.body());
        assertEquals(direct.gzipBody(), heap.gzipBody());
        assertEquals(direct.etag(), heap.etag());
        assertEquals(direct.gzipEtag(), heap.gzipEtag());
    }

    @Test
    void lastModifiedIsTruncatedToTheSecond() {
        Representation r = Representation.of(body(), TYPE, Instant.parse("2024-06-01T10:00:00.999999999Z"), 6);
        assertEquals(T, r.lastModified());
        assertEquals(0, r.lastModified().getNano());
    }

    @Test
    void lastModifiedBeforeTheEpochIsTruncatedTowardsThePast() {
        Representation r = Representation.of(body(), TYPE, Instant.parse("1969-12-31T23:59:59.500Z"), 6);
        assertEquals(Instant.parse("1969-12-31T23:59:59Z"), r.lastModified());
    }

    @Test
    void withLastModifiedKeepsBytesAndTagsAndTruncatesTheNewTime() {
        Representation r = of(body());
        Representation later = r.withLastModified(Instant.parse("2024-07-01T00:00:05.250Z"));
        assertEquals(r.body(), later.body());
        assertEquals(r.gzipBody(), later.gzipBody());
        assertEquals(r.etag(), later.etag());
        assertEquals(r.gzipEtag(), later.gzipEtag());
        assertEquals(r.contentType(), later.contentType());
        assertEquals(Instant.parse("2024-07-01T00:00:05Z"), later.lastModified());
        assertTrue(r.sameBytes(later));
        assertEquals(T, r.lastModified(), "the original is unchanged");
    }
}
