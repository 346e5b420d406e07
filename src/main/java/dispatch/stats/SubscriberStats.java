package dispatch.stats;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.files.ConfinedFolder;
import dispatch.files.DurableWrites;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jboss.logging.Logger;

/**
 * Subscriber counts per feed per day, the request mix, and a report card per client family.
 * Answering a request only adds a {@link Hit} to its thread's own list (bounded: when it is full,
 * hits are dropped and counted); {@link #drain} classifies and tallies them off the event loop. Clients
 * are known only by a hash of their address and User-Agent with a random salt that changes every
 * day and is never written; no address is ever stored. Each day's subscriber counts are kept in
 * the data folder ({@code stats/subscribers.json}) for {@link #DAYS} days.
 */
public final class SubscriberStats {

    /** How many days of subscriber counts are kept. */
    public static final int DAYS = 30;
    /** The most hits waiting to be tallied, per recording thread. */
    static final int MAX_QUEUED = 100_000;
    /** The most User-Agents whose classification is remembered. */
    static final int MAX_AGENTS = 10_000;

    private static final Logger LOG = Logger.getLogger(SubscriberStats.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, Long>>> SHAPE = new TypeReference<>() { };

    /** Each recording thread's (an event loop's) own list of hits, so that threads never contend for one queue. */
    private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(this::newPending);
    private final List<Pending> allPending = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Clock clock;
    private final ToLongFunction<String> ttlSeconds;
    private final Path file;
    private final ConfinedFolder folder;
    private final DurableWrites writes;
    private final Map<String, UserAgents.Client> agents = new RecentMap<>(MAX_AGENTS);
    private final SharedCounts shared;
    private final ReaderHashes hashes;
    /** Past days' subscribers per feed, oldest first. */
    private final TreeMap<LocalDate, Map<String, Long>> history = new TreeMap<>();
    private LocalDate day;
    /** Whether today's salt is the cluster's (or, on one node, whether it needs none from elsewhere). */
    private boolean saltShared;
    private long saltTriedNanos;
    private DailyTally today = new DailyTally();

    /** Stats kept in {@code dataDir}, dated by {@code clock} (UTC days); {@code ttlSeconds} gives a feed's ttl. */
    public SubscriberStats(Path dataDir, Clock clock, ToLongFunction<String> ttlSeconds) {
        this(dataDir, clock, ttlSeconds, null);
    }

    /**
     * Stats as {@link #SubscriberStats(Path, Clock, ToLongFunction)} keeps them, the subscriber
     * counts also added to {@code shared} (null for none), every replica's of a cluster: there the
     * day's salt is shared, a reader answered by several replicas counts once, and the days are
     * read back from every replica's counts.
     */
    SubscriberStats(Path dataDir, Clock clock, ToLongFunction<String> ttlSeconds, SharedCounts shared) {
        this.clock = clock;
        this.shared = shared;
        this.ttlSeconds = ttlSeconds;
        this.folder = new ConfinedFolder(dataDir);
        this.writes = new DurableWrites(folder);
        this.file = dataDir.resolve("stats").resolve("subscribers.json");
        this.day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        this.hashes = new ReaderHashes(ReaderHashes.freshSalt(), MAX_AGENTS); // a cluster's shared salt is read at the first drain
    }

    /** Hits one thread recorded since the last {@link #drain}. */
    private static final class Pending {
        ArrayList<Hit> hits = new ArrayList<>();
    }

    private Pending newPending() {
        Pending p = new Pending();
        allPending.add(p);
        return p;
    }

    /**
     * Queues {@code hit} to be tallied, on the calling thread's own list (one uncontended lock);
     * never blocks, never fails: a thread with {@link #MAX_QUEUED} hits waiting drops it.
     */
    public void record(Hit hit) {
        Pending p = pending.get();
        synchronized (p) {
            if (p.hits.size() < MAX_QUEUED) {
                p.hits.add(hit);
                return;
            }
        }
        dropped.incrementAndGet();
    }

    /** Tallies every queued hit, starting a new day (and salt) when the date has changed. */
    public synchronized void drain() {
        rollOver();
        if (!saltShared) {
            shareSalt();
        }
        for (Pending p : allPending) {
            ArrayList<Hit> taken;
            synchronized (p) {
                if (p.hits.isEmpty()) {
                    continue;
                }
                taken = p.hits;
                p.hits = new ArrayList<>(Math.min(taken.size(), 4096));
            }
            taken.forEach(this::tally);
        }
    }

    private void tally(Hit hit) {
        UserAgents.Client client = agents.computeIfAbsent(hit.userAgent() == null ? "" : hit.userAgent(), UserAgents::classify);
        long hash = hashes.of(hit.address(), hit.userAgent());
        today.add(hit, client, hash, ttlSeconds.applyAsLong(hit.feed()));
    }

    /** Reads the days kept in the data folder; a file that cannot be read counts as none. */
    public synchronized void load() {
        try {
            Map<String, Map<String, Long>> raw = JSON.readValue(folder.read(file, 16L * 1024 * 1024), SHAPE);
            raw.forEach((date, feeds) -> {
                LocalDate d = LocalDate.parse(date);
                if (d.isBefore(day)) {
                    history.put(d, new TreeMap<>(feeds));
                }
            });
            trim();
        } catch (NoSuchFileException e) {
            // no stats yet
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring %s, which cannot be read (%s): subscriber history starts afresh", file, e.getMessage());
        }
    }

    /** Writes the kept days and today's counts so far to the data folder, and adds them to the shared counts. */
    public synchronized void save() {
        share();
        Map<String, Map<String, Long>> raw = new TreeMap<>();
        history.forEach((d, feeds) -> raw.put(d.toString(), feeds));
        raw.put(day.toString(), todaysSubscribers());
        try {
            writes.write(file, JSON.writeValueAsBytes(raw));
        } catch (IOException e) {
            LOG.errorf("Cannot keep subscriber counts in %s: %s", file, e.getMessage());
        }
    }

    /** Subscribers per feed per day, oldest first, today last; in a cluster, every replica's. */
    public synchronized TreeMap<LocalDate, Map<String, Long>> subscribers() {
        TreeMap<LocalDate, Map<String, Long>> all = new TreeMap<>(history);
        all.put(day, todaysSubscribers());
        if (shared != null) {
            try {
                TreeMap<LocalDate, Map<String, Long>> everyReplica = shared.subscribers(day.minusDays(DAYS - 1));
                everyReplica.computeIfAbsent(day, d -> new TreeMap<>()); // today's count here may be newer than what was added
                all.get(day).forEach((feed, n) -> everyReplica.get(day).merge(feed, n, Math::max));
                return everyReplica;
            } catch (SQLException e) {
                LOG.warnf("Cannot read the cluster's subscriber counts (%s): showing this replica's", e.getMessage());
            }
        }
        return all;
    }

    /** In a cluster, adds the readers and aggregator reports of today's tally not added yet to the shared counts; kept for the next time on failure. */
    public synchronized void share() {
        if (shared == null) {
            return;
        }
        Map<String, List<Long>> readers = today.takeFresh();
        try {
            shared.add(day, readers, today.aggregators);
        } catch (SQLException e) {
            today.giveBack(readers);
            LOG.warnf("Cannot add subscriber counts to the database (%s): kept for the next minute", e.getMessage());
        }
    }

    /**
     * Takes the cluster's salt for today, at most every 5 s until the database answers; the few
     * readers hashed before with a salt of this replica's own may count twice today.
     */
    private void shareSalt() {
        if (shared == null) {
            saltShared = true;
            return;
        }
        if (saltTriedNanos != 0 && System.nanoTime() - saltTriedNanos < 5_000_000_000L) {
            return;
        }
        saltTriedNanos = System.nanoTime();
        try {
            hashes.resalt(shared.salt(day));
            saltShared = true;
        } catch (SQLException e) {
            LOG.debugf("Cannot read the day's salt from the database yet: %s", e.getMessage());
        }
    }

    /** Today's tally, read under this object's lock by {@link StatsReport}. */
    synchronized <T> T today(Function<DailyTally, T> read) {
        return read.apply(today);
    }

    /** Hits dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Entries held in today's tally: bounded by the limits of {@link DailyTally}. */
    public synchronized int size() {
        return today.size() + agents.size() + hashes.size();
    }

    private Map<String, Long> todaysSubscribers() {
        Map<String, Long> counts = new TreeMap<>();
        for (String feed : today.feeds()) {
            counts.put(feed, today.subscribers(feed));
        }
        return counts;
    }

    private void rollOver() {
        LocalDate now = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!now.equals(day)) {
            share(); // the day that ends
            history.put(day, todaysSubscribers());
            trim();
            day = now;
            hashes.resalt(ReaderHashes.freshSalt()); // yesterday's hashes were made with yesterday's salt
            saltShared = false;
            saltTriedNanos = 0;
            shareSalt();
            today = new DailyTally();
            save();
        }
    }

    private void trim() {
        while (history.size() > DAYS - 1) {
            history.pollFirstEntry();
        }
    }
}
