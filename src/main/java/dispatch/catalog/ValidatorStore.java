package dispatch.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.catalog.FeedChange.Validators;
import dispatch.feed.FeedFormat;
import dispatch.files.DataFolderFiles;
import dispatch.files.KeptFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The validators each feed document was last served with, kept in the data folder
 * ({@code validators/<feed>.json}) so that a restart can keep {@code Last-Modified} from moving
 * backwards: after a deletion, say, the newest article's date is older than what clients hold.
 * Written atomically and durably on every change; a missing or unreadable file counts as none.
 * In a cluster the replicas share them ({@link KeptFiles#shared()}), and each render reads them afresh.
 */
public final class ValidatorStore {

    private static final Logger LOG = Logger.getLogger(ValidatorStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, String>>> SHAPE = new TypeReference<>() { };
    private static final long MAX_BYTES = 64 * 1024;

    /** The kind of document kept ({@link KeptFiles}). */
    public static final String KIND = "validators";

    private final KeptFiles files;
    private final Map<String, Map<FeedFormat, Validators>> saved = new ConcurrentHashMap<>();

    /** A store in {@code dataDir}. */
    public ValidatorStore(Path dataDir) {
        this(new DataFolderFiles(dataDir));
    }

    /** A store in {@code files}. */
    public ValidatorStore(KeptFiles files) {
        this.files = files;
    }

    /** The validators feed {@code id}'s documents were last served with; empty when none are known. */
    public Map<FeedFormat, Validators> load(String id) {
        Map<FeedFormat, Validators> known = saved.get(id);
        if (known != null) {
            return known;
        }
        Map<FeedFormat, Validators> read = new EnumMap<>(FeedFormat.class);
        try {
            Optional<byte[]> bytes = files.read(KIND, id, MAX_BYTES);
            if (bytes.isEmpty()) {
                return Map.of();
            }
            Map<String, Map<String, String>> raw = JSON.readValue(bytes.get(), SHAPE);
            raw.forEach((format, v) -> read.put(FeedFormat.valueOf(format),
                    new Validators(v.get("etag"), v.get("gzipEtag"), Instant.parse(v.get("lastModified")))));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring %s, which cannot be read (%s): Last-Modified starts afresh for feed %s", files.where(KIND, id), e.getMessage(), id);
            return Map.of();
        }
        if (!files.shared()) {
            saved.put(id, read);
        }
        return read;
    }

    /** Whether other replicas keep validators here too: then every render reads them afresh. */
    public boolean shared() {
        return files.shared();
    }

    /** Keeps {@code validators} as feed {@code id}'s, if they differ from the ones kept. */
    public void save(String id, Map<FeedFormat, Validators> validators) {
        if (validators.isEmpty() || validators.equals(files.shared() ? load(id) : saved.get(id))) {
            return;
        }
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        validators.forEach((format, v) -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("etag", v.etag());
            m.put("gzipEtag", v.gzipEtag());
            m.put("lastModified", v.lastModified().toString());
            raw.put(format.name(), m);
        });
        try {
            files.write(KIND, id, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(raw));
            if (!files.shared()) {
                saved.put(id, Map.copyOf(validators));
            }
        } catch (IOException e) {
            // serving goes on; only a restart could then move Last-Modified backwards
            LOG.errorf("Cannot keep the validators of feed %s in %s: %s", id, files.where(KIND, id), e.getMessage());
        }
    }
}
