package dispatch.text;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Bytes kept deflated outside the Java heap, unpacked each time they are read: for the text of
 * articles and entries, which a feed renders once per change but a node holds for every article
 * it serves. Short runs stay on the heap as they are, where deflating would save nothing.
 *
 * <p>Packed bytes are cut from 64 KB slabs of direct memory, one slab at a time per thread, so the
 * heap holds no buffer, cleaner or deallocator per text (136 bytes each); a slab is freed once
 * none of the texts cut from it is referenced. A feed's texts are packed one after the other by
 * the thread that reads or renders it, so a slab outlives its feed's version only when it also
 * holds texts of a neighbour: about two slabs per feed at most. Equal bytes pack to equal bytes (one level, one zlib), so
 * equality compares packed forms.
 */
public final class PackedBytes {

    /** Runs shorter than this stay on the heap as they are. */
    static final int SMALLEST_PACKED = 256;
    /** The size of a slab; a packed text of more than a quarter of it gets its own buffer. */
    static final int SLAB = 64 * 1024;

    private static final byte[] NONE = new byte[0];
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));
    private static final ThreadLocal<ByteBuffer> SLABS = new ThreadLocal<>();

    private final byte[] plain;
    private final ByteBuffer slab;
    private final int offset;
    private final int packedLength;
    private final int length;
    private final int crc;
    private final int hash;

    private PackedBytes(byte[] plain, ByteBuffer slab, int offset, int packedLength, int length, int crc, int hash) {
        this.plain = plain;
        this.slab = slab;
        this.offset = offset;
        this.packedLength = packedLength;
        this.length = length;
        this.crc = crc;
        this.hash = hash;
    }

    /** Packs {@code bytes}, which the caller must not change afterwards. */
    public static PackedBytes of(byte[] bytes) {
        CRC32C sum = new CRC32C();
        sum.update(bytes);
        int crc = (int) sum.getValue();
        int hash = Arrays.hashCode(bytes);
        if (bytes.length < SMALLEST_PACKED) {
            return new PackedBytes(bytes, null, 0, bytes.length, bytes.length, crc, hash);
        }
        Deflater deflater = DEFLATERS.get();
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] out = new byte[bytes.length + bytes.length / 100 + 64];
            int size = 0;
            while (!deflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                size += deflater.deflate(out, size, out.length - size);
            }
            ByteBuffer slab = slabFor(size);
            int offset = slab.position();
            slab.put(out, 0, size);
            return new PackedBytes(NONE, slab, offset, size, bytes.length, crc, hash);
        } finally {
            deflater.reset();
        }
    }

    /** A slab of this thread with {@code size} bytes left from its position, or a buffer of its own for a large text. */
    private static ByteBuffer slabFor(int size) {
        if (size > SLAB / 4) {
            return ByteBuffer.allocateDirect(size);
        }
        ByteBuffer slab = SLABS.get();
        if (slab == null || slab.remaining() < size) {
            slab = ByteBuffer.allocateDirect(SLAB);
            SLABS.set(slab);
        }
        return slab;
    }

    /** The packed bytes, as a buffer of their own. */
    private ByteBuffer packed() {
        return slab.slice(offset, packedLength);
    }

    /** The bytes, unpacked into an array of their own. */
    public byte[] bytes() {
        if (slab == null) {
            return plain.clone();
        }
        Inflater inflater = INFLATERS.get();
        try {
            inflater.setInput(packed());
            byte[] out = new byte[length];
            int size = 0;
            while (size < length) {
                int n = inflater.inflate(out, size, length - size);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("packed bytes end early: " + size + " of " + length);
                }
                size += n;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed bytes cannot be unpacked", e);
        } finally {
            inflater.reset();
        }
    }

    /** How many bytes there are, unpacked. */
    public int length() {
        return length;
    }

    /** How many bytes they take on the heap or outside it. */
    public int packedLength() {
        return packedLength;
    }

    /** Their CRC-32C: a hash independent of their packed form and of {@link #hashCode()}. */
    public int crc() {
        return crc;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PackedBytes other) || other.length != length || other.crc != crc || other.hash != hash) {
            return false;
        }
        return slab == null ? Arrays.equals(plain, other.plain) : packed().equals(other.packed());
    }

    @Override
    public int hashCode() {
        return hash; // Arrays.hashCode of the bytes
    }

    @Override
    public String toString() {
        return length + " bytes, " + packedLength() + " packed";
    }
}
