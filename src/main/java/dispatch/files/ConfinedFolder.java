package dispatch.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * The one file policy: a folder whose files are read and written only when they really lie
 * inside it. {@link DurableWrites} writes in it under the same rule.
 *
 * <p>A symbolic link is followed only when the path it resolves to stays inside the folder; one
 * that leads outside is refused with {@link OutsideFolderException}. Checking a path and then
 * opening it would leave a gap in which a link could be swapped in, so a file is opened one
 * component at a time from the folder's own handle, never following a link
 * ({@code openat(..., O_NOFOLLOW)} through {@link SecureDirectoryStream}): what is read is the
 * file whose real path was checked, or the read fails.
 */
public final class ConfinedFolder {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private volatile Path realRoot;

    /** The folder at {@code root}; it need not exist yet. */
    public ConfinedFolder(Path root) {
        this.root = root;
    }

    /** The folder as configured. */
    public Path root() {
        return root;
    }

    /**
     * The real path of {@code path} (a path under the folder, as listed), after checking that it
     * lies inside the folder.
     *
     * @throws OutsideFolderException if it resolves outside the folder (a link, say)
     * @throws IOException if it does not exist or cannot be resolved
     */
    public Path realPathInside(Path path) throws IOException {
        Path real = path.toRealPath();
        Path top = realRoot();
        if (!real.startsWith(top)) {
            throw new OutsideFolderException(path);
        }
        return real;
    }

    /** Whether {@code path} is a directory whose real path lies inside the folder. */
    public boolean isDirectoryInside(Path path) throws IOException {
        return Files.isDirectory(path) && realPathInside(path) != null;
    }

    /**
     * Whether {@code path} is a regular file lying inside the folder, following a link only if it
     * stays inside.
     *
     * @throws OutsideFolderException if it is a link that resolves outside the folder
     */
    public boolean isRegularFileInside(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return Files.isRegularFile(realPathInside(path), NOFOLLOW);
        }
        return Files.isRegularFile(path, NOFOLLOW);
    }

    /**
     * Reads the file at {@code path}, at most {@code maxBytes} of it.
     *
     * @throws OutsideFolderException if it resolves outside the folder
     * @throws TooLargeException if it holds more than {@code maxBytes}
     * @throws NoSuchFileException if it does not exist
     * @throws IOException if it is not a file, or was replaced by a link while being opened
     */
    public byte[] read(Path path, long maxBytes) throws IOException {
        Path real = realPathInside(path);
        Path relative = realRoot().relativize(real);
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            throw new IOException(path + " is the folder itself, not a file");
        }
        try (SeekableByteChannel channel = open(relative)) {
            return readAll(channel, path, maxBytes);
        }
    }

    /**
     * Maps the file at {@code path}, inside this folder, read-only, as {@link #read} would read it
     * (never through a link): its pages are read from the page cache as they are used. Where the
     * platform gives no file channel, its bytes are read instead.
     *
     * @throws TooLargeException if it holds more than {@code maxBytes}
     * @throws NoSuchFileException if it does not exist
     */
    public ByteBuffer map(Path path, long maxBytes) throws IOException {
        Path real = realPathInside(path);
        Path relative = realRoot().relativize(real);
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            throw new IOException(path + " is the folder itself, not a file");
        }
        try (SeekableByteChannel channel = open(relative)) {
            if (channel instanceof FileChannel file) {
                if (file.size() > maxBytes) {
                    throw new TooLargeException(path, file.size(), maxBytes);
                }
                return file.map(FileChannel.MapMode.READ_ONLY, 0, file.size());
            }
            return ByteBuffer.wrap(readAll(channel, path, maxBytes));
        }
    }

    private SeekableByteChannel open(Path relative) throws IOException {
        try (DirectoryStream<Path> top = Files.newDirectoryStream(realRoot())) {
            if (!(top instanceof SecureDirectoryStream<Path> secure)) {
                // no openat on this platform: the real path was checked just above, and its last
                // component is opened without following a link
                return Files.newByteChannel(realRoot().resolve(relative), StandardOpenOption.READ, NOFOLLOW);
            }
            return open(secure, relative, 0);
        }
    }

    /** Opens {@code relative} below {@code dir}, one component at a time, never following a link. */
    private static SeekableByteChannel open(SecureDirectoryStream<Path> dir, Path relative, int index) throws IOException {
        Path name = relative.getName(index);
        try {
            if (index == relative.getNameCount() - 1) {
                BasicFileAttributes attributes = dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
                if (attributes.isDirectory()) {
                    throw new IOException("a folder, not a file");
                }
                if (attributes.isSymbolicLink()) {
                    throw new FileSystemLoopException(relative.toString());
                }
                return dir.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW));
            }
            try (SecureDirectoryStream<Path> next = dir.newDirectoryStream(name, NOFOLLOW)) {
                return open(next, relative, index + 1);
            }
        } catch (FileSystemLoopException e) {
            throw new IOException("it was replaced by a link while being read", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links")) {
                throw new IOException("it was replaced by a link while being read", e);
            }
            throw e;
        }
    }

    private static byte[] readAll(SeekableByteChannel channel, Path path, long limit) throws IOException {
        long maxBytes = Math.min(limit, Integer.MAX_VALUE - 16); // one array holds it
        long size = channel.size();
        if (size > maxBytes) {
            throw new TooLargeException(path, size, maxBytes);
        }
        // the size is only a hint: the file may grow while it is read, so never read past the limit
        byte[] bytes = new byte[(int) Math.min(Math.max(size, 8192), maxBytes + 1)];
        int length = 0;
        while (true) {
            if (length == bytes.length) {
                if (length > maxBytes) {
                    throw new TooLargeException(path, length, maxBytes);
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, maxBytes + 1));
            }
            int n = channel.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (length > maxBytes) {
            throw new TooLargeException(path, length, maxBytes);
        }
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    /** The folder's real path, after creating it if it is missing. */
    Path realRootCreated() throws IOException {
        Files.createDirectories(root);
        return realRoot();
    }

    /** The folder's real path, resolved once it exists. */
    Path realRoot() throws IOException {
        Path r = realRoot;
        if (r == null) {
            r = root.toRealPath();
            realRoot = r;
        }
        return r;
    }
}
