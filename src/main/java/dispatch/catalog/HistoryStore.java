package dispatch.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dispatch.feed.FeedHistory;
import dispatch.files.DataFolderFiles;
import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Each feed's {@link FeedHistory} (its sealed archive pages, entry ids and tombstones), kept in
 * the data folder ({@code history/<feed>.json}) so that a restart serves the same archive pages
 * and tombstones. Written atomically and durably when it changes; a missing or unreadable file
 * counts as no history: the archive pages are cut again from the oldest entry.
 */
public final class HistoryStore {

    private static final Logger LOG = Logger.getLogger(HistoryStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    /** The kind of document kept ({@link KeptFiles}). */
    public static final String KIND = "history";

    private final KeptFiles files;
    private final Map<String, FeedHistory> saved = new ConcurrentHashMap<>();

    /** A store in {@code dataDir}. */
    public HistoryStore(Path dataDir) {
        this(new DataFolderFiles(dataDir));
    }

    /** A store in {@code files}; in a cluster every load reads afresh what any replica kept. */
    public HistoryStore(KeptFiles files) {
        this.files = files;
    }

    /** Feed {@code id}'s history; {@link FeedHistory#NONE} when none is kept. */
    public FeedHistory load(String id) {
        FeedHistory known = saved.get(id);
        if (known != null) {
            return known;
        }
        try {
            Optional<byte[]> bytes = files.read(KIND, id, MAX_BYTES);
            if (bytes.isEmpty()) {
                return FeedHistory.NONE;
            }
            FeedHistory read = JSON.readValue(bytes.get(), FeedHistory.class);
            if (!files.shared()) {
                saved.put(id, read);
            }
            return read;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring %s, which cannot be read (%s): the archive pages of feed %s are cut afresh", files.where(KIND, id),
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""), id);
            return FeedHistory.NONE;
        }
    }

    /** Keeps {@code history} as feed {@code id}'s, if it differs from the one kept. */
    public void save(String id, FeedHistory history) {
        if (files.shared() ? history.equals(load(id)) : history.equals(saved.get(id)) || history.empty() && !saved.containsKey(id)) {
            if (!files.shared() && saved.containsKey(id)) {
                saved.put(id, history); // equal, but holding the entries' own id strings, not copies read from the file
            }
            return;
        }
        try {
            files.write(KIND, id, JSON.writeValueAsBytes(history));
            if (!files.shared()) {
                saved.put(id, history);
            }
        } catch (IOException e) {
            // serving goes on; only a restart could then cut the archive pages afresh
            LOG.errorf("Cannot keep the history of feed %s in %s: %s", id, files.where(KIND, id), e.getMessage());
        }
    }

    /** Forgets feed {@code id}'s history: the feed was removed, and one made again with its name starts afresh. */
    public void forget(String id) {
        saved.remove(id);
        try {
            files.delete(KIND, id);
        } catch (IOException e) {
            LOG.errorf("Cannot delete the history of removed feed %s in %s: %s", id, files.where(KIND, id), e.getMessage());
        }
    }
}
