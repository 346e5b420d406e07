package dispatch.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.files.DataFolderFiles;
import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The entity tag and {@code Last-Modified} each archive document was last served with, kept in
 * the data folder ({@code archives/<feed>.json}), so that an archive page whose bytes change
 * (an entry in it edited, a newer page appearing) is last modified no earlier than the change,
 * and one whose bytes do not keeps its time across restarts.
 */
public final class PageValidators {

    private static final Logger LOG = Logger.getLogger(PageValidators.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Served>> SHAPE = new TypeReference<>() { };
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    /** What one document was served with. */
    record Served(String etag, String lastModified) {
    }

    /** The kind of document kept ({@link KeptFiles}). */
    public static final String KIND = "archives";

    private final KeptFiles files;
    private final Map<String, TreeMap<String, Served>> feeds = new ConcurrentHashMap<>();

    /** Validators kept in {@code dataDir}. */
    public PageValidators(Path dataDir) {
        this(new DataFolderFiles(dataDir));
    }

    /** Validators kept in {@code files}; in a cluster each request reads afresh what any replica kept. */
    public PageValidators(KeptFiles files) {
        this.files = files;
    }

    /**
     * When document {@code document} (such as {@code 3/atom.xml}) of feed {@code feedId}, whose
     * bytes now have {@code etag}, last changed: as before when it was served with that tag;
     * otherwise {@code content} (when its newest entry was updated), unless it was served before
     * with other bytes, then {@code now}, never before the time it had; never later than {@code now}.
     */
    public synchronized Instant lastModified(String feedId, String document, String etag, Instant content, Instant now) {
        TreeMap<String, Served> served = files.shared() ? read(feedId) : feeds.computeIfAbsent(feedId, this::read);
        Served before = served.get(document);
        if (before != null && before.etag().equals(etag)) {
            return Instant.parse(before.lastModified());
        }
        Instant lastModified = content.isAfter(now) ? now : content;
        if (before != null) {
            Instant was = Instant.parse(before.lastModified());
            lastModified = now.isAfter(was) ? now : was;
        }
        lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        served.put(document, new Served(etag, lastModified.toString()));
        try {
            files.write(KIND, feedId, JSON.writeValueAsBytes(served));
        } catch (IOException e) {
            LOG.errorf("Cannot keep the validators of feed %s's archive pages in %s: %s", feedId, files.where(KIND, feedId), e.getMessage());
        }
        return lastModified;
    }

    /** Forgets feed {@code feedId}'s archive pages: it was removed. */
    public synchronized void forget(String feedId) {
        feeds.remove(feedId);
        try {
            files.delete(KIND, feedId);
        } catch (IOException e) {
            LOG.errorf("Cannot delete the validators of removed feed %s's archive pages: %s", feedId, e.getMessage());
        }
    }

    private TreeMap<String, Served> read(String feedId) {
        try {
            Optional<byte[]> bytes = files.read(KIND, feedId, MAX_BYTES);
            return bytes.isEmpty() ? new TreeMap<>() : JSON.readValue(bytes.get(), SHAPE);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring %s, which cannot be read (%s)", files.where(KIND, feedId), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return new TreeMap<>();
        }
    }
}
