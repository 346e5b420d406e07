package dispatch.source;

import dispatch.files.ConfinedFolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A digest of everything in a feed's folder that its documents are made from: {@code feed.yaml}
 * and every article file byte for byte, with its modification time (an article without a date is
 * dated by it), and the name and size of every other file (an enclosure's length); a link counts
 * by what it leads to's size and time. Equal digests,
 * equal documents, given the same history, configuration and code; computed before a folder is
 * read, so that a file changed while it is read gives another digest next time.
 */
final class SourceDigest {

    /** One read buffer per thread: a start digests every folder side by side. */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

    private SourceDigest() {
    }

    /** The digest of folder {@code dir}; articles over {@code maxArticleBytes} count by size. */
    static String of(ConfinedFolder files, Path dir, long maxArticleBytes) throws IOException {
        return of(files, dir, maxArticleBytes, true);
    }

    /**
     * A quick digest of folder {@code dir}: every file's name, size, modification time and
     * identity (inode), no content. Unchanged files give the same quick digest; a file rewritten
     * with the same size and time (rare: a copy that keeps times) does too, which is why it only
     * picks what to serve while the folder is read, never what is kept.
     */
    static String quick(Path dir) throws IOException {
        return of(null, dir, 0, false);
    }

    private static String of(ConfinedFolder files, Path dir, long maxArticleBytes, boolean contents) throws IOException {
        MessageDigest sha = sha256();
        ByteBuffer buffer = contents ? BUFFER.get() : null;
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class); // through a link: what the loader reads
            } catch (IOException e) { // a link to nothing, or a file deleted while listed
                update(sha, name + "\0missing\0");
                continue;
            }
            update(sha, name + "\0" + a.size() + "\0" + a.lastModifiedTime().toMillis() + "\0" + a.isDirectory() + "\0");
            if (!contents) {
                update(sha, a.fileKey() + "\0" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\0");
                continue;
            }
            boolean read = name.equals("feed.yaml") || FeedLoader.hasArticleName(file);
            if (read && a.isRegularFile() && a.size() <= maxArticleBytes) {
                if (Files.isSymbolicLink(file)) { // what it leads to, if that is inside the feeds directory, as the loader reads it
                    hashLinked(sha, files, file, maxArticleBytes);
                } else {
                    hashContent(sha, file, buffer);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Adds the bytes of {@code file}, a link, read through {@code files} (never outside it), to {@code sha}. */
    private static void hashLinked(MessageDigest sha, ConfinedFolder files, Path file, long maxBytes) {
        try {
            byte[] bytes = files.read(file, maxBytes);
            update(sha, bytes.length + "\0");
            sha.update(bytes);
        } catch (IOException e) {
            update(sha, "unreadable\0" + e.getClass().getName() + "\0");
        }
    }

    /** Adds the bytes of {@code file}, a regular file (not a link) in the folder, to {@code sha}. */
    private static void hashContent(MessageDigest sha, Path file, ByteBuffer buffer) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            buffer.clear();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                sha.update(buffer);
                buffer.clear();
            }
        } catch (IOException e) {
            update(sha, "unreadable\0" + e.getClass().getName() + "\0");
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
