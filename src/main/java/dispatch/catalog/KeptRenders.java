package dispatch.catalog;

import dispatch.catalog.FeedChange.Validators;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedHistory;
import dispatch.feed.FeedId;
import dispatch.feed.Representation;
import dispatch.source.FeedLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Documents kept from earlier renders ({@link RenderCache}): found again for a render of the same
 * sources and history, so that it only assembles entries; written after each render that made
 * them; and, at a start, read back for every feed whose sources are unchanged and served at once
 * ({@link #warmUp}), before the feed's articles are even parsed.
 */
final class KeptRenders {

    private static final Logger LOG = Logger.getLogger(KeptRenders.class);

    /**
     * A feed's kept documents, served while its articles are read after a start.
     *
     * @param key what they were kept under
     * @param kept each document as kept (last modified when the content last changed)
     * @param servable each document ready to serve now
     * @param ttl the feed's ttl
     */
    record Warm(String key, Map<FeedFormat, Representation> kept, Map<FeedFormat, Representation> servable, Duration ttl) {
    }

    private final RenderCache cache;
    private final FeedLoader loader;
    private final Duration tombstoneLife;
    private final ValidatorStore validators;
    private final HistoryStore histories;
    private final Clock clock;
    private final Map<String, Warm> warm = new ConcurrentHashMap<>();
    private final AtomicInteger found = new AtomicInteger();

    KeptRenders(RenderCache cache, FeedLoader loader, Duration tombstoneLife, ValidatorStore validators, HistoryStore histories, Clock clock) {
        this.cache = cache;
        this.loader = loader;
        this.tombstoneLife = tombstoneLife;
        this.validators = validators;
        this.histories = histories;
        this.clock = clock;
    }

    /**
     * The digests of a feed folder's sources: of their bytes, and quick ({@code SourceDigest.quick}).
     *
     * @param full the digest of their bytes
     * @param quick the digest of their names, sizes and times
     */
    record Sources(String full, String quick) {
    }

    /** The digests of folder {@code dir}'s sources, taken before it is read; null when they cannot be taken (nothing is kept then). */
    Sources digest(Path dir) {
        try {
            return new Sources(loader.digest(dir), loader.quickDigest(dir));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The documents kept for feed {@code id} made from sources {@code digest}, the feed's history then being {@code after}; none when none are. */
    Map<FeedFormat, Representation> find(String id, Sources sources, FeedHistory after, Instant now) {
        if (sources == null) {
            return Map.of();
        }
        String key = cache.key(id, sources.full(), after, tombstoneLife, now);
        Warm w = warm.get(id); // left in place: it is served until the feed is, and let go when the load ends
        if (w != null && w.key().equals(key)) {
            found.incrementAndGet();
            return w.kept(); // the buffers already served: no second copy
        }
        Optional<RenderCache.Cached> kept = cache.read(id, key);
        if (kept.isEmpty()) {
            return Map.of();
        }
        found.incrementAndGet();
        RenderCache.Cached c = kept.get();
        String quickKey = cache.key(id, sources.quick(), after, tombstoneLife, now);
        if (!quickKey.equals(c.quickKey())) { // the same bytes in new files (copied, restored): kept again, to be found at once next time
            cache.write(id, key, quickKey, c.ttl(), c.updated(), c.documents());
        }
        return c.documents();
    }

    /** Keeps {@code rendered}'s documents, made from sources {@code digest}, unless they were found kept. */
    void keep(String id, Sources sources, RenderedFeed rendered, boolean found, Instant now) {
        if (sources == null || found) {
            return;
        }
        cache.write(id, cache.key(id, sources.full(), rendered.history(), tombstoneLife, now),
                cache.key(id, sources.quick(), rendered.history(), tombstoneLife, now),
                rendered.snapshot().definition().ttl(), rendered.snapshot().updated(), rendered.documents());
    }

    /**
     * Reads back the documents kept for the feed in folder {@code dir} if its files (by their
     * quick digest) and history are as they were kept, ready to serve until the feed is read and
     * rendered. The render then checks their bytes' digest: if it differs (a file rewritten with
     * the same size and time), it renders the feed again.
     */
    void warmUp(Path dir) {
        String id = dir.getFileName().toString();
        if (!FeedId.isValid(id)) {
            return;
        }
        try {
            String quickKey = cache.key(id, loader.quickDigest(dir), histories.load(id), tombstoneLife, clock.instant());
            cache.readQuick(id, quickKey).ifPresent(c -> {
                Map<FeedFormat, Validators> served = validators.load(id);
                Map<FeedFormat, Representation> servable = ServedTimes.servable(c.documents(), null, served, clock.instant());
                warm.put(id, new Warm(c.key(), c.documents(), servable, c.ttl()));
            });
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Not serving feed %s's kept documents: %s", id, e.toString());
        }
    }

    /** Feed {@code id}'s documents read back at the start, while it is not rendered yet. */
    Optional<Warm> warm(String id) {
        return Optional.ofNullable(warm.get(id));
    }

    /**
     * Serves no more kept documents: every feed is rendered.
     *
     * @return how many renders found their documents kept since the last time
     */
    int cool() {
        warm.clear();
        return found.getAndSet(0);
    }

    /** Deletes what is kept for feeds not in {@code feeds}: removed or renamed while Dispatch was stopped. */
    void retain(Set<String> feeds) {
        cache.retain(feeds);
    }

    /** Serves no more documents kept for feed {@code id}: it is not a feed any more. */
    void cool(String id) {
        warm.remove(id);
    }

    /** Forgets feed {@code id}'s kept documents: it was removed. */
    void forget(String id) {
        warm.remove(id);
        cache.forget(id);
    }
}
