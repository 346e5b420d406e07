package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.feed.Representation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyFilesTest {

    @TempDir
    Path data;

    private static Representation document(String text) {
        return Representation.of(("<rss>" + text + "</rss>").getBytes(StandardCharsets.UTF_8), "application/rss+xml", Instant.EPOCH, 6);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void keepsTheIdentityBodyInAFileNamedByItsTagAndTheGzipBodyInMemory() throws Exception {
        BodyFiles bodies = new BodyFiles(data);
        Representation r = document("one");
        Representation kept = bodies.keep("world", r);
        Path file = kept.bodyFile().orElseThrow();
        assertEquals(data.resolve("bodies/world").toAbsolutePath(), file.getParent());
        assertArrayEquals(bytes(r.body()), Files.readAllBytes(file));
        assertArrayEquals(bytes(r.body()), bytes(kept.body()));
        assertEquals(r.etag(), kept.etag());
        assertEquals(r.length(), kept.length());
        assertArrayEquals(bytes(r.gzipBody()), bytes(kept.gzipBody()));
        assertSame(kept, bodies.keep("world", kept));
    }

    @Test
    void writesAgainAFileThatDoesNotHoldItsBody() throws Exception {
        BodyFiles bodies = new BodyFiles(data);
        Representation r = document("one");
        Path file = bodies.keep("world", r).bodyFile().orElseThrow();
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(file, bad);
        Representation again = bodies.keep("world", r);
        assertThrows(UncheckedIOException.class, () -> r.withBodyIn(data.resolve("none")).body(), "a missing file");
        assertArrayEquals(good, Files.readAllBytes(again.bodyFile().orElseThrow()));
        Files.write(file, Arrays.copyOf(good, good.length - 1));
        assertThrows(UncheckedIOException.class, again::body, "a body file cut short under it is never read as its body");
    }

    @Test
    void deletesTheFilesNeitherTheCurrentNorThePreviousVersionServes() {
        BodyFiles bodies = new BodyFiles(data);
        Representation first = bodies.keep("world", document("1"));
        Representation second = bodies.keep("world", document("2"));
        Representation third = bodies.keep("world", document("3"));
        bodies.serving("world", List.of(third), List.of(second));
        assertTrue(Files.exists(first.bodyFile().orElseThrow()), "a minute's grace");
        age(first, second, third);
        bodies.serving("world", List.of(third), List.of(second));
        assertFalse(Files.exists(first.bodyFile().orElseThrow()));
        assertTrue(Files.exists(second.bodyFile().orElseThrow()));
        assertTrue(Files.exists(third.bodyFile().orElseThrow()));
        Representation other = bodies.keep("sport", document("s"));
        bodies.retain(Set.of("world"));
        assertTrue(Files.exists(other.bodyFile().orElseThrow()), "written in the last minute: perhaps by a render not served yet");
        age(other);
        bodies.retain(Set.of("world"));
        assertFalse(Files.exists(other.bodyFile().orElseThrow().getParent()));
        bodies.serving("world", List.of(), List.of());
        assertFalse(Files.exists(data.resolve("bodies/world")));
    }

    @Test
    void aNameThatIsNotAnEntityTagIsNeverAPath() {
        BodyFiles bodies = new BodyFiles(data);
        assertTrue(bodies.keep("world", "\"../../validators/world\"", ByteBuffer.wrap(new byte[] {1})).isEmpty());
        assertTrue(bodies.keep("../x", "\"abc\"", ByteBuffer.wrap(new byte[] {1})).isEmpty());
        assertFalse(Files.exists(data.resolve("validators")));
    }

    /** Makes the body files of {@code documents} two minutes old. */
    private static void age(Representation... documents) {
        for (Representation r : documents) {
            r.bodyFile().ifPresent(f -> {
                try {
                    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(120)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
