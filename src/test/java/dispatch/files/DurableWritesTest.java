package dispatch.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DurableWrites} on real files: whole writes, no temporary file left, never outside its folder. */
class DurableWritesTest {

    @TempDir
    Path root;

    private Path feeds;
    private DurableWrites writes;

    @BeforeEach
    void create() throws IOException {
        feeds = Files.createDirectories(root.resolve("feeds"));
        writes = new DurableWrites(new ConfinedFolder(feeds));
    }

    @Test
    void writesAndReplacesAWholeFileLeavingNoTemporaryFile() throws IOException {
        Path file = feeds.resolve("world/a.txt");
        writes.write(file, "first".getBytes());
        writes.write(file, "second".getBytes());
        assertEquals("second", Files.readString(file));
        try (Stream<Path> files = Files.list(feeds.resolve("world"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void deletesAndSaysWhetherThereWasAFile() throws IOException {
        Path file = feeds.resolve("world/a.txt");
        writes.write(file, "x".getBytes());
        assertTrue(writes.delete(file));
        assertFalse(Files.exists(file));
        assertFalse(writes.delete(file));
    }

    @Test
    void neverWritesThroughAFolderLinkThatLeadsOutside() throws IOException {
        Path outside = Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(feeds.resolve("evil"), outside);
        assertThrows(OutsideFolderException.class, () -> writes.write(feeds.resolve("evil/passwd.txt"), "x".getBytes()));
        assertThrows(OutsideFolderException.class, () -> writes.write(feeds.resolve("evil/new/passwd.txt"), "x".getBytes()));
        assertFalse(Files.exists(outside.resolve("passwd.txt")));
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void createsTheFolderItselfWhenMissing() throws IOException {
        DurableWrites fresh = new DurableWrites(new ConfinedFolder(root.resolve("data")));
        fresh.write(root.resolve("data/validators/world.json"), "{}".getBytes());
        assertEquals("{}", Files.readString(root.resolve("data/validators/world.json")));
    }
}
