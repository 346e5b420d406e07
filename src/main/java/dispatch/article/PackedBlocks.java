package dispatch.article;

import dispatch.text.PackedBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * An article's body kept packed ({@link PackedBytes}): an unmodifiable list that unpacks all its
 * blocks each time it is walked, and holds none of their text in between.
 */
final class PackedBlocks extends AbstractList<Block> implements RandomAccess {

    private final PackedBytes packed;
    private final int size;

    private PackedBlocks(PackedBytes packed, int size) {
        this.packed = packed;
        this.size = size;
    }

    /** {@code blocks}, packed (which copies them: none may be null); an empty list stays the empty list. */
    static List<Block> of(List<Block> blocks) {
        if (blocks instanceof PackedBlocks) {
            return blocks;
        }
        if (blocks.isEmpty()) {
            return List.of();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(blocks.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Block b : blocks) {
                out.writeByte(b.kind().ordinal());
                write(out, b.text());
                out.writeBoolean(!b.isPlainText());
                if (!b.isPlainText()) {
                    write(out, b.html());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new PackedBlocks(PackedBytes.of(bytes.toByteArray()), blocks.size());
    }

    /** The blocks, unpacked into a list of their own. */
    private List<Block> unpacked() {
        List<Block> blocks = new ArrayList<>(size);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed.bytes()))) {
            for (int i = 0; i < size; i++) {
                Block.Kind kind = Block.Kind.values()[in.readUnsignedByte()];
                String text = read(in);
                blocks.add(new Block(kind, text, in.readBoolean() ? read(in) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return blocks;
    }

    private static void write(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String read(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public Block get(int index) {
        return unpacked().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Block> iterator() {
        return Collections.unmodifiableList(unpacked()).iterator();
    }

    @Override
    public ListIterator<Block> listIterator(int index) {
        return Collections.unmodifiableList(unpacked()).listIterator(index);
    }

    @Override
    public Spliterator<Block> spliterator() {
        return Collections.unmodifiableList(unpacked()).spliterator();
    }

    @Override
    public void forEach(Consumer<? super Block> action) {
        unpacked().forEach(action);
    }

    @Override
    public Object[] toArray() {
        return unpacked().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return unpacked().toArray(a);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return unpacked().containsAll(c);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PackedBlocks other) {
            return size == other.size && packed.equals(other.packed);
        }
        return o instanceof List<?> && unpacked().equals(o);
    }

    @Override
    public int hashCode() {
        return unpacked().hashCode();
    }
}
