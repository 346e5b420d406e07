package dispatch.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Atomic, durable writes and deletions inside a {@link ConfinedFolder}: a file holds either its
 * old bytes or all the new ones, and a change survives a crash once the call returns.
 */
public final class DurableWrites {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final ConfinedFolder folder;

    /** Writes inside {@code folder}. */
    public DurableWrites(ConfinedFolder folder) {
        this.folder = folder;
    }

    /**
     * Writes {@code bytes} to {@code path} so that, whatever happens, the file holds either its
     * old bytes or all the new ones, and the new ones survive a crash once this returns: a
     * temporary file beside it (hidden, so never read as an article), written and flushed to
     * the disk, renamed over {@code path} atomically, and the folder flushed so the rename
     * itself is durable. Creates the folders above it, inside this folder, as needed.
     *
     * @throws OutsideFolderException if {@code path}'s folder resolves outside this folder
     * @throws IOException if it cannot be written (the disk is full, say); {@code path} is then unchanged
     */
    public void write(Path path, byte[] bytes) throws IOException {
        write(path, bytes, false);
    }

    /**
     * Writes {@code bytes} to {@code path} as {@link #write(Path, byte[])} does, as a file only its
     * owner may read and write (on file systems with POSIX permissions), for secrets.
     */
    public void writePrivate(Path path, byte[] bytes) throws IOException {
        write(path, bytes, true, true);
    }

    /**
     * Writes {@code bytes} to {@code path} atomically as {@link #write(Path, byte[])} does, but
     * without waiting for the disk: for a cache whose reader detects a file torn by a crash and
     * does without it.
     */
    public void replace(Path path, byte[] bytes) throws IOException {
        write(path, bytes, false, false);
    }

    private void write(Path path, byte[] bytes, boolean ownerOnly) throws IOException {
        write(path, bytes, ownerOnly, true);
    }

    private void write(Path path, byte[] bytes, boolean ownerOnly, boolean flush) throws IOException {
        Path dir = directoryInside(path);
        Path temp = dir.resolve("." + path.getFileName() + ".tmp-" + Long.toHexString(RANDOM.nextLong()));
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
        boolean posix = ownerOnly && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel channel = FileChannel.open(temp, options, attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (flush) {
                    channel.force(true);
                }
            }
            Files.move(temp, dir.resolve(path.getFileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (flush) {
            syncDirectory(dir);
        }
    }

    /**
     * Deletes {@code path} durably (the folder is flushed after), if it exists.
     *
     * @return whether there was a file to delete
     * @throws OutsideFolderException if {@code path}'s folder resolves outside this folder
     */
    public boolean delete(Path path) throws IOException {
        if (!Files.isDirectory(path.toAbsolutePath().getParent())) {
            return false; // nothing to delete, and no folder made for it
        }
        Path dir = directoryInside(path);
        boolean deleted = Files.deleteIfExists(dir.resolve(path.getFileName()));
        if (deleted) {
            syncDirectory(dir);
        }
        return deleted;
    }

    /** The real path of {@code path}'s folder, created if missing, after checking it lies inside this folder. */
    private Path directoryInside(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        folder.realRootCreated();
        if (!Files.isDirectory(parent)) {
            Path existing = parent;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                throw new IOException(path + " has no folder");
            }
            folder.realPathInside(existing); // never create folders through a link that leads outside
            Files.createDirectories(parent);
            syncDirectory(existing.toRealPath());
        }
        return folder.realPathInside(parent);
    }

    /** Flushes a folder's entries to the disk, so that a rename or deletion in it survives a crash. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for flushing (Windows); their renames are durable by other means
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
