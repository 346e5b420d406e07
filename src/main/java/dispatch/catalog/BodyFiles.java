package dispatch.catalog;

import dispatch.feed.FeedId;
import dispatch.feed.Representation;
import dispatch.files.ConfinedFolder;
import dispatch.files.DurableWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The identity bodies of feed documents, kept in the data folder ({@code bodies/<feed>/<tag>})
 * and sent from there with {@code sendfile}: they live in the page cache, outside the process,
 * where a node with many feeds would otherwise hold every one of them in memory. Gzip bodies,
 * which most readers ask for, stay in memory.
 *
 * <p>A file is named by its body's entity tag and never changed once written: a feed's new
 * version writes new files. A feed's files are deleted when neither its current version nor the
 * one before it (still being sent, perhaps) serves them, once they are a minute old (a render
 * not yet served may have just written them).
 */
public final class BodyFiles {

    private static final Logger LOG = Logger.getLogger(BodyFiles.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    /** How long a file is left alone after it was written: a render that wrote it may not be served yet. */
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final Path dir;
    private final ConfinedFolder folder;
    private final DurableWrites writes;

    /** Bodies kept in {@code dataDir}. */
    public BodyFiles(Path dataDir) {
        this.dir = dataDir.resolve("bodies");
        this.folder = new ConfinedFolder(dataDir);
        this.writes = new DurableWrites(folder);
    }

    /**
     * {@code r}, a document of feed {@code feedId}, with its identity body in a file ({@link #keep(String, String, ByteBuffer)});
     * {@code r} as it is when that file cannot be written.
     */
    public Representation keep(String feedId, Representation r) {
        if (r.bodyFile().isPresent()) {
            return r;
        }
        return keep(feedId, r.etag(), r.body()).map(r::withBodyIn).orElse(r);
    }

    /** What keeps the identity bodies of feed {@code feedId}'s documents in its files. */
    public Representation.BodyKeeper keeper(String feedId) {
        return (etag, body) -> keep(feedId, etag, body);
    }

    /**
     * The file of feed {@code feedId} holding {@code body}, whose entity tag is {@code etag}:
     * written unless a file of that name holds the same bytes. Empty when it cannot be written,
     * and a log line says why: the body is then served from memory.
     */
    public Optional<Path> keep(String feedId, String etag, ByteBuffer body) {
        String name = etag.replace("\"", "");
        if (!FeedId.isValid(feedId) || !NAME.matcher(name).matches()) {
            return Optional.empty(); // an entity tag read from a kept file is only base64url: anything else is never a path
        }
        Path file = dir.resolve(feedId).resolve(name);
        try {
            if (!holds(file, body)) {
                byte[] bytes = new byte[body.remaining()];
                body.duplicate().get(bytes);
                writes.replace(file, bytes);
            }
            return Optional.of(file.toAbsolutePath());
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Serving a document of feed %s from memory: cannot keep its body in %s (%s)", feedId, file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether {@code file} is a regular file of this folder holding exactly {@code body}. */
    private boolean holds(Path file, ByteBuffer body) throws IOException {
        if (!folder.isRegularFileInside(file) || Files.size(file) != body.remaining()) {
            return false;
        }
        return ByteBuffer.wrap(folder.read(file, body.remaining())).equals(body);
    }

    /**
     * Feed {@code feedId} now serves {@code current} and served {@code before}: deletes its other
     * body files, made by versions before those or by renders that were never served.
     */
    public void serving(String feedId, Collection<Representation> current, Collection<Representation> before) {
        Set<Path> kept = new HashSet<>();
        current.forEach(r -> r.bodyFile().ifPresent(f -> kept.add(f.getFileName())));
        before.forEach(r -> r.bodyFile().ifPresent(f -> kept.add(f.getFileName())));
        deleteFiles(dir.resolve(feedId), kept);
    }

    /** Deletes the body files of every feed not in {@code feeds}: removed while Dispatch was stopped. */
    public void retain(Set<String> feeds) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir)) {
            for (Path feed : folders) {
                if (!feeds.contains(feed.getFileName().toString())) {
                    deleteFiles(feed, Set.of());
                }
            }
        } catch (NoSuchFileException e) {
            // nothing kept yet
        } catch (IOException e) {
            LOG.warnf("Cannot clear the bodies kept for removed feeds in %s: %s", dir, e.getMessage());
        }
    }

    /** Whether {@code file} was last written more than {@code age} ago. */
    private static boolean olderThan(Path file, Duration age) throws IOException {
        return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(Instant.now().minus(age));
    }

    /** Deletes the files of {@code feedDir} not named in {@code kept}, and the folder once empty. */
    private void deleteFiles(Path feedDir, Set<Path> kept) {
        try {
            if (!folder.isDirectoryInside(feedDir)) {
                return;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(feedDir)) {
                for (Path file : files) {
                    boolean temporary = file.getFileName().toString().startsWith("."); // left by a write that never ended, once abandoned
                    if (temporary ? olderThan(file, ABANDONED) : !kept.contains(file.getFileName()) && olderThan(file, FRESH)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            if (kept.isEmpty()) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(feedDir)) {
                    if (!left.iterator().hasNext()) {
                        Files.deleteIfExists(feedDir);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("Cannot delete old bodies in %s: %s", feedDir, e.getMessage());
        }
    }
}
