package dispatch.websub;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.files.ConfinedFolder;
import dispatch.files.DurableWrites;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The hub's subscriptions, indexed by topic, capped in total and per callback host, and kept in
 * the data folder ({@code websub/subscriptions.json}). A change is written atomically and
 * durably within {@link #WRITE_DELAY_MS} ms, many changes in one write; closing writes what is
 * left. The file holds each subscription's secret: it is readable by its owner only.
 */
final class SubscriptionStore implements Subscriptions {

    /** How long a change may wait to be written with the ones after it. */
    static final long WRITE_DELAY_MS = 100;

    private static final Logger LOG = Logger.getLogger(SubscriptionStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> SHAPE = new TypeReference<>() { };
    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private final Path file;
    private final ConfinedFolder folder;
    private final DurableWrites writes;
    private final int max;
    private final int maxPerHost;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Map<String, Subscription>> byTopic = new HashMap<>();
    private final Map<String, Integer> perHost = new HashMap<>();
    private int size;
    private boolean writeScheduled;

    /** A store in {@code dataDir} holding at most {@code max} subscriptions, {@code maxPerHost} per callback host. */
    SubscriptionStore(Path dataDir, int max, int maxPerHost, ScheduledExecutorService scheduler) {
        this.folder = new ConfinedFolder(dataDir);
        this.writes = new DurableWrites(folder);
        this.file = dataDir.resolve("websub").resolve("subscriptions.json");
        this.max = max;
        this.maxPerHost = maxPerHost;
        this.scheduler = scheduler;
    }

    /** Reads the subscriptions kept, dropping those whose lease ended at {@code now}; a file that cannot be read counts as none. */
    @Override
    public synchronized void load(Instant now) {
        List<Map<String, String>> raw;
        try {
            raw = JSON.readValue(folder.read(file, MAX_BYTES), SHAPE);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Ignoring %s, which cannot be read (%s): the hub starts with no subscriptions", file, e.getMessage());
            return;
        }
        for (Map<String, String> s : raw) {
            try {
                Subscription sub = new Subscription(s.get("topic"), s.get("callback"), Optional.ofNullable(s.get("secret")),
                        Instant.parse(s.get("expires")), s.getOrDefault("delivered", ""));
                if (!sub.expiredAt(now) && sub.topic() != null && sub.callback() != null) {
                    add(sub);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Skipping a subscription in %s that cannot be read: %s", file, e.getMessage());
            }
        }
        LOG.infof("The hub holds %d subscriptions from %s", size, file);
    }

    /** Why a new subscription of {@code callback} to {@code topic} would pass a cap, or empty when it may be added. */
    @Override
    public synchronized Optional<String> refuse(String topic, String callback) {
        if (get(Subscription.key(topic, callback)).isPresent()) {
            return Optional.empty(); // a renewal
        }
        if (size >= max) {
            return Optional.of("The hub holds its most subscriptions (" + max + ", dispatch.websub.max-subscriptions).");
        }
        String host = Subscription.hostOf(callback);
        if (perHost.getOrDefault(host, 0) >= maxPerHost) {
            return Optional.of("Callbacks on " + host + " hold the most subscriptions one host may ("
                    + maxPerHost + ", dispatch.websub.max-subscriptions-per-host).");
        }
        return Optional.empty();
    }

    /** Adds {@code s}, or renews the subscription it replaces; false when a cap leaves no room for it. */
    @Override
    public synchronized boolean put(Subscription s) {
        if (refuse(s.topic(), s.callback()).isPresent()) {
            return false;
        }
        remove(s.key(), false);
        add(s);
        changed();
        return true;
    }

    /** Removes the subscription under {@code key}, if there is one. */
    @Override
    public synchronized Optional<Subscription> remove(String key) {
        return remove(key, true);
    }

    /** The subscription under {@code key}. */
    @Override
    public synchronized Optional<Subscription> get(String key) {
        int space = key.indexOf(' ');
        Map<String, Subscription> topic = byTopic.get(key.substring(0, space));
        return topic == null ? Optional.empty() : Optional.ofNullable(topic.get(key.substring(space + 1)));
    }

    /** The subscriptions to {@code topic}. */
    @Override
    public synchronized List<Subscription> of(String topic) {
        Map<String, Subscription> subs = byTopic.get(topic);
        return subs == null ? List.of() : List.copyOf(subs.values());
    }

    /** Every subscription. */
    @Override
    public synchronized List<Subscription> all() {
        List<Subscription> all = new ArrayList<>(size);
        byTopic.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** How many subscriptions there are. */
    @Override
    public synchronized int size() {
        return size;
    }

    /** One hub delivers: each subscription is claimed by its own retries ({@link KeyedRetries}). */
    @Override
    public boolean claim(String key, String etag) {
        return true;
    }

    @Override
    public void release(String key) {
        // nothing is claimed
    }

    @Override
    public boolean firstToPing(String topic, String etag) {
        return true;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public synchronized void delivered(String key, String etag, boolean sent) {
        get(key).ifPresent(s -> {
            byTopic.get(s.topic()).put(s.callback(), s.deliveredVersion(etag));
            changed();
        });
    }

    /** Removes every subscription whose lease ended at {@code now}; how many. */
    @Override
    public synchronized int removeExpired(Instant now) {
        List<Subscription> expired = all().stream().filter(s -> s.expiredAt(now)).toList();
        expired.forEach(s -> remove(s.key(), false));
        if (!expired.isEmpty()) {
            changed();
        }
        return expired.size();
    }

    /** Writes what has changed now. */
    @Override
    public void flush() {
        List<Map<String, String>> raw;
        synchronized (this) {
            writeScheduled = false;
            raw = new ArrayList<>(size);
            for (Subscription s : all()) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("topic", s.topic());
                m.put("callback", s.callback());
                s.secret().ifPresent(secret -> m.put("secret", secret));
                m.put("expires", s.expires().toString());
                m.put("delivered", s.delivered());
                raw.add(m);
            }
        }
        try {
            writes.writePrivate(file, JSON.writeValueAsBytes(raw));
        } catch (IOException e) {
            LOG.errorf("Cannot keep the hub's %d subscriptions in %s: %s", raw.size(), file, e.getMessage());
        }
    }

    private void changed() {
        if (!writeScheduled) {
            writeScheduled = true;
            try {
                scheduler.schedule(this::flush, WRITE_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                writeScheduled = false; // the hub is closing: its last flush writes this change
            }
        }
    }

    private void add(Subscription s) {
        byTopic.computeIfAbsent(s.topic(), t -> new LinkedHashMap<>()).put(s.callback(), s);
        perHost.merge(s.host(), 1, Integer::sum);
        size++;
    }

    private Optional<Subscription> remove(String key, boolean write) {
        Optional<Subscription> gone = get(key);
        gone.ifPresent(s -> {
            Map<String, Subscription> subs = byTopic.get(s.topic());
            subs.remove(s.callback());
            if (subs.isEmpty()) {
                byTopic.remove(s.topic());
            }
            perHost.computeIfPresent(s.host(), (h, n) -> n == 1 ? null : n - 1);
            size--;
            if (write) {
                changed();
            }
        });
        return gone;
    }
}
