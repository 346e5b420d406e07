package dispatch.catalog;

import dispatch.feed.FeedFormat;
import dispatch.feed.FeedHistory;
import dispatch.feed.Representation;
import dispatch.feed.Representation.BodyKeeper;
import dispatch.feed.Tombstone;
import dispatch.files.ConfinedFolder;
import dispatch.files.DurableWrites;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.jboss.logging.Logger;

/**
 * Rendered feed documents kept in the data folder ({@code render/<feed>.bin}), so that a restart
 * with unchanged content serves them without rendering or gzipping again. Each file is keyed by a
 * digest of everything its documents depend on ({@link #key}): the code, the configuration that
 * shapes documents, the feed folder's sources, its history and its live tombstones. A file with
 * another key is not used; one that is torn or corrupt (its CRC-32C does not match) is reported
 * and rendered again, never served.
 */
public final class RenderCache {

    private static final Logger LOG = Logger.getLogger(RenderCache.class);
    private static final String MAGIC = "dispatch-render-1";
    private static final long MAX_BYTES = 1L << 30;

    /**
     * What a file holds: each document as rendered, last modified when the feed's content last
     * changed (before the served validators and the clock are applied), and the feed's ttl.
     */
    public record Cached(String key, String quickKey, Map<FeedFormat, Representation> documents, Duration ttl, Instant updated) {
    }

    private final Path dir;
    private final ConfinedFolder folder;
    private final DurableWrites writes;
    private final String setup;
    private final BodyFiles bodies;

    /**
     * A cache in {@code dataDir} for documents made by this code with {@code configuration}: a
     * text naming every setting that shapes documents (base URL, hubs, gzip level).
     */
    public RenderCache(Path dataDir, String configuration) {
        this(dataDir, configuration, null);
    }

    /**
     * A cache as {@link #RenderCache(Path, String)} makes it, whose documents read back keep
     * their identity body in {@code bodies} (null: in memory).
     */
    public RenderCache(Path dataDir, String configuration, BodyFiles bodies) {
        this.bodies = bodies;
        this.dir = dataDir.resolve("render");
        this.folder = new ConfinedFolder(dataDir);
        this.writes = new DurableWrites(folder);
        this.setup = CodeVersion.current() + "\n" + configuration;
    }

    /**
     * The key of feed {@code feedId}'s documents made from sources with digest {@code sources},
     * after {@code history}, at {@code now}: tombstones older than {@code tombstoneLife} are gone.
     */
    public String key(String feedId, String sources, FeedHistory history, Duration tombstoneLife, Instant now) {
        MessageDigest sha = CodeVersion.sha256();
        StringBuilder text = new StringBuilder(setup).append('\n').append(feedId).append('\n').append(sources).append('\n')
                .append(history.pageSize()).append('\n');
        history.sealed().forEach(p -> text.append(p.changed()).append(' ').append(String.join(" ", p.ids())).append('\n'));
        text.append(String.join(" ", history.ids())).append('\n');
        Instant oldest = now.minus(tombstoneLife);
        for (Tombstone t : history.tombstones()) {
            if (t.when().isAfter(oldest)) {
                text.append(t.ref()).append(' ').append(t.when()).append('\n');
            }
        }
        return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Feed {@code feedId}'s documents kept under {@code key}; empty when none are, or they cannot
     * be trusted. The file is mapped to be checked and read, and its bodies copied out of it into
     * direct memory: what is served never depends on the file again, whatever happens to it.
     */
    public Optional<Cached> read(String feedId, String key) {
        return read(feedId, key, false);
    }

    /**
     * Feed {@code feedId}'s documents kept under quick key {@code quickKey} (a key made from a
     * quick digest, {@code SourceDigest.quick}), with the key they were kept under; as {@link #read}.
     */
    public Optional<Cached> readQuick(String feedId, String quickKey) {
        return read(feedId, quickKey, true);
    }

    private Optional<Cached> read(String feedId, String wanted, boolean quick) {
        Path file = dir.resolve(feedId + ".bin");
        ByteBuffer bytes;
        try {
            bytes = folder.map(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Rendering feed %s again: %s cannot be read (%s)", feedId, file, e.getMessage());
            return Optional.empty();
        }
        try {
            int end = bytes.limit() - 8;
            if (end < 0) {
                throw new IOException("truncated");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.duplicate().limit(end));
            if (crc.getValue() != bytes.getLong(end)) {
                throw new IOException("its checksum does not match: torn or corrupt");
            }
            ByteBuffer in = bytes.duplicate().limit(end);
            if (!MAGIC.equals(text(in))) {
                throw new IOException("not a render cache file");
            }
            String key = text(in);
            String quickKey = text(in);
            if (!wanted.equals(quick ? quickKey : key)) {
                return Optional.empty(); // made from other sources, history or code: not an error
            }
            Duration ttl = Duration.ofSeconds(in.getLong());
            Instant updated = Instant.ofEpochSecond(in.getLong());
            int count = in.getInt();
            Map<FeedFormat, Representation> documents = new EnumMap<>(FeedFormat.class);
            for (int i = 0; i < count; i++) {
                FeedFormat format = FeedFormat.valueOf(text(in));
                String contentType = text(in);
                String etag = text(in);
                String gzipEtag = text(in);
                ByteBuffer body = slice(in);
                ByteBuffer gzip = slice(in);
                documents.put(format, Representation.restored(body, gzip, etag, gzipEtag, contentType, updated,
                        bodies == null ? BodyKeeper.IN_MEMORY : bodies.keeper(feedId)));
            }
            return Optional.of(new Cached(key, quickKey, documents, ttl, updated));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Rendering feed %s again: %s cannot be used (%s)", feedId, file, e.getMessage());
            return Optional.empty();
        }
    }

    /** A string as {@link DataOutputStream#writeUTF} wrote it (every one here is ASCII), read from {@code in}. */
    private static String text(ByteBuffer in) throws IOException {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        for (byte b : bytes) {
            if (b < 0) {
                throw new IOException("not ASCII text where text was expected");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The next {@code int}-prefixed run of bytes of {@code in}, as a view of its own. */
    private static ByteBuffer slice(ByteBuffer in) {
        int length = in.getInt();
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        return slice;
    }

    /**
     * Keeps feed {@code feedId}'s {@code documents} under {@code key} and {@code quickKey}, each last modified at
     * {@code updated} (when its content last changed), with the feed's {@code ttl}. A failure is
     * logged: the next start renders the feed again.
     */
    public void write(String feedId, String key, String quickKey, Duration ttl, Instant updated, Map<FeedFormat, Representation> documents) {
        try {
            int size = 4096;
            for (Representation r : documents.values()) {
                size += r.body().remaining() + r.gzipBody().remaining() + 512;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(bytes, crc)); // summed as it is written
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeUTF(quickKey);
            out.writeLong(ttl.toSeconds());
            out.writeLong(updated.getEpochSecond());
            out.writeInt(documents.size());
            for (Map.Entry<FeedFormat, Representation> e : documents.entrySet()) {
                Representation r = e.getValue();
                out.writeUTF(e.getKey().name());
                out.writeUTF(r.contentType());
                out.writeUTF(r.etag());
                out.writeUTF(r.gzipEtag());
                write(out, r.body());
                write(out, r.gzipBody());
            }
            out.flush();
            new DataOutputStream(bytes).writeLong(crc.getValue()); // the sum itself, after what it sums
            writes.replace(dir.resolve(feedId + ".bin"), bytes.toByteArray());
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf("Cannot keep the rendered documents of feed %s in %s: %s", feedId, dir, e.getMessage());
        }
    }

    /** Deletes the documents kept for every feed not in {@code feeds}. */
    public void retain(Set<String> feeds) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.bin")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!feeds.contains(name.substring(0, name.length() - ".bin".length()))) {
                    writes.delete(file);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing kept yet
        } catch (IOException e) {
            LOG.warnf("Cannot clear the documents kept for removed feeds in %s: %s", dir, e.getMessage());
        }
    }

    /** Forgets feed {@code feedId}'s documents: it was removed. */
    public void forget(String feedId) {
        try {
            writes.delete(dir.resolve(feedId + ".bin"));
        } catch (IOException e) {
            LOG.errorf("Cannot delete the rendered documents of removed feed %s: %s", feedId, e.getMessage());
        }
    }

    private static void write(DataOutputStream out, ByteBuffer body) throws IOException {
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
