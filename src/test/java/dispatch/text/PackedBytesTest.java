package dispatch.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PackedBytesTest {

    private static byte[] text(int words, long seed) {
        String[] vocabulary = {"Kraków", "approves", "airport", "ceasefire", "the", "of", "talks", "résumé", "\u201Cquoted\u201D", "<b>"};
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 17 == 16 ? ".\n\n" : " ");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givesBackTheBytesItPacked() {
        for (int words : new int[] {0, 1, 30, 31, 700, 20_000}) {
            byte[] bytes = text(words, words);
            PackedBytes packed = PackedBytes.of(bytes.clone());
            assertArrayEquals(bytes, packed.bytes(), words + " words");
            assertArrayEquals(bytes, packed.bytes(), "read twice");
            assertEquals(bytes.length, packed.length());
        }
    }

    @Test
    void textsCutFromManySlabsAndFromOtherThreadsReadBackWhole() throws Exception {
        List<byte[]> texts = new ArrayList<>();
        List<PackedBytes> packed = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            texts.add(text(100 + i % 900, i));
            packed.add(PackedBytes.of(texts.get(i)));
        }
        Thread other = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                PackedBytes.of(text(500, -i)); // fills another thread's slab meanwhile
            }
        });
        other.start();
        other.join();
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(texts.get(i), packed.get(i).bytes(), "text " + i);
        }
        List<Integer> wrong = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> { // read on a thread that packed none of them
            for (int i = 0; i < texts.size(); i++) {
                if (!Arrays.equals(texts.get(i), packed.get(i).bytes())) {
                    wrong.add(i);
                }
            }
        });
        reader.start();
        reader.join();
        assertEquals(List.of(), wrong);
    }

    @Test
    void keepsLongTextSmallerAndShortTextAsItIs() {
        byte[] article = text(700, 1);
        assertTrue(PackedBytes.of(article).packedLength() < article.length / 2, PackedBytes.of(article).toString());
        byte[] title = "A short headline".getBytes(StandardCharsets.UTF_8);
        assertEquals(title.length, PackedBytes.of(title).packedLength());
    }

    @Test
    void equalBytesAreEqualAndOtherBytesAreNot() {
        byte[] a = text(700, 1);
        assertEquals(PackedBytes.of(a), PackedBytes.of(a.clone()));
        assertEquals(PackedBytes.of(a).hashCode(), PackedBytes.of(a.clone()).hashCode());
        byte[] b = a.clone();
        b[b.length / 2] ^= 1;
        assertNotEquals(PackedBytes.of(a), PackedBytes.of(b));
        assertNotEquals(PackedBytes.of(a).crc(), PackedBytes.of(b).crc());
        assertNotEquals(PackedBytes.of("short".getBytes(StandardCharsets.UTF_8)), PackedBytes.of("shorT".getBytes(StandardCharsets.UTF_8)));
    }
}
