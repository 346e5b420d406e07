package dispatch.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfinedFolder} on real files and links in a temporary folder. */
class ConfinedFolderTest {

    @TempDir
    Path root;

    private Path inside;
    private ConfinedFolder folder;

    @BeforeEach
    void createFolder() throws IOException {
        inside = Files.createDirectories(root.resolve("feeds/world"));
        folder = new ConfinedFolder(root.resolve("feeds"));
    }

    @Test
    void readsAFileInside() throws IOException {
        Path file = Files.writeString(inside.resolve("a.txt"), "hello");
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), folder.read(file, 100));
        assertTrue(folder.isRegularFileInside(file));
    }

    @Test
    void refusesALinkToAFileOutside() throws IOException {
        Path secret = Files.writeString(root.resolve("secret"), "root:x:0:0");
        Path link = Files.createSymbolicLink(inside.resolve("y.txt"), secret);
        assertThrows(OutsideFolderException.class, () -> folder.read(link, 100));
        assertThrows(OutsideFolderException.class, () -> folder.isRegularFileInside(link));
    }

    @Test
    void refusesAFileBelowALinkedFolderOutside() throws IOException {
        Path outside = Files.createDirectories(root.resolve("etc"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(root.resolve("feeds/etcfeed"), outside);
        Path file = root.resolve("feeds/etcfeed/passwd");
        assertThrows(OutsideFolderException.class, () -> folder.read(file, 100));
        assertThrows(OutsideFolderException.class, () -> folder.isDirectoryInside(root.resolve("feeds/etcfeed")));
    }

    @Test
    void refusesARelativeLinkThatClimbsOut() throws IOException {
        Files.writeString(root.resolve("secret"), "root:x:0:0");
        Path link = Files.createSymbolicLink(inside.resolve("up.txt"), Path.of("../../secret"));
        assertThrows(OutsideFolderException.class, () -> folder.read(link, 100));
    }

    @Test
    void followsALinkThatStaysInside() throws IOException {
        Files.createDirectories(root.resolve("feeds/tech"));
        Path original = Files.writeString(root.resolve("feeds/tech/x.txt"), "shared");
        Path link = Files.createSymbolicLink(inside.resolve("x.txt"), Path.of("../tech/x.txt"));
        assertArrayEquals(Files.readAllBytes(original), folder.read(link, 100));
        assertTrue(folder.isRegularFileInside(link));
    }

    @Test
    void refusesAFolderAsAFile() {
        IOException e = assertThrows(IOException.class, () -> folder.read(inside, 100));
        assertFalse(e instanceof OutsideFolderException);
    }

    @Test
    void refusesMoreThanTheLimitWithoutReadingIt() throws IOException {
        Path file = Files.write(inside.resolve("big.txt"), new byte[101]);
        TooLargeException e = assertThrows(TooLargeException.class, () -> folder.read(file, 100));
        assertEquals("too large: 101 bytes, over the limit of 100", e.getMessage());
        assertEquals(100, folder.read(Files.write(inside.resolve("just.txt"), new byte[100]), 100).length);
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> folder.read(inside.resolve("missing.txt"), 100));
    }

    @Test
    void aFolderThatIsItselfALinkIsTrustedAsConfigured() throws IOException {
        Path target = Files.createDirectories(root.resolve("real/feeds"));
        Path file = Files.writeString(target.resolve("a.txt"), "through the root link");
        Path rootLink = Files.createSymbolicLink(root.resolve("current"), target);
        ConfinedFolder linked = new ConfinedFolder(rootLink);
        assertEquals("through the root link", new String(linked.read(rootLink.resolve("a.txt"), 100), StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(file), linked.read(rootLink.resolve("a.txt"), 100));
    }
}
