package dispatch.catalog;

import dispatch.feed.ArchivePage;
import dispatch.feed.Entry;
import dispatch.feed.FeedEntries;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.PublishedPost;
import dispatch.feed.Representation;
import dispatch.feed.Tombstone;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents of a feed's history, rendered on request rather than with the feed: its RFC
 * 5005 archive pages, and RFC 3229 deltas of its current documents from earlier versions.
 */
public final class HistoryDocuments {

    /** The entries of one version of a feed, kept while memory allows, for its next archive page. */
    private record Assembled(WeakReference<RenderedFeed> feed, SoftReference<FeedEntries> entries) {
    }

    private final FeedRendering rendering;
    private final PageValidators validators;
    private final ChangeTimes times;
    private final Map<String, Assembled> assembled = new ConcurrentHashMap<>();

    /**
     * Documents rendered as {@code rendering} renders feeds, archive pages last modified as
     * {@code validators} keep them.
     */
    public HistoryDocuments(FeedRendering rendering, PageValidators validators, Clock clock) {
        this(rendering, validators, ChangeTimes.of(clock));
    }

    /**
     * Documents as {@link #HistoryDocuments(FeedRendering, PageValidators, Clock)} makes them, a
     * page whose bytes changed being last modified when its feed last changed, by {@code times}
     * (in a cluster, the commit time every replica shares).
     */
    public HistoryDocuments(FeedRendering rendering, PageValidators validators, ChangeTimes times) {
        this.rendering = rendering;
        this.validators = validators;
        this.times = times;
    }

    /**
     * Archive page {@code number} of {@code feed} in {@code format}, or empty when it has no such
     * page. A sealed page is last modified when its newest entry was updated or it last lost an
     * entry, the newest page when the feed last changed, unless the page was served before with
     * other bytes ({@link PageValidators}).
     */
    public Optional<Representation> archive(RenderedFeed feed, int number, FeedFormat format) {
        List<ArchivePage> pages = feed.snapshot().archives();
        if (number < 1 || number > pages.size()) {
            return Optional.empty();
        }
        ArchivePage page = pages.get(number - 1);
        FeedSnapshot snapshot = entries(feed).archivePage(page, pages.size());
        Instant content = feed.lastModified();
        if (page.sealed()) {
            content = snapshot.updated().isAfter(page.changed()) ? snapshot.updated() : page.changed();
        }
        byte[] body = rendering.renderer(format).render(snapshot);
        Instant lastModified = validators.lastModified(feed.id(), number + "/" + format.fileName(), Representation.entityTag(body), content,
                times.of(feed.id()));
        return Optional.of(Representation.onHeap(body, format.contentType(), lastModified, rendering.gzipLevel()));
    }

    /** Forgets what was kept of feed {@code id}: it was removed. */
    public void forget(String id) {
        assembled.remove(id);
        validators.forget(id);
    }

    /**
     * Every entry of {@code feed}, current and archived, assembled again from its posts, or as
     * assembled for its last archive page when that was of the same version and memory allowed.
     */
    FeedEntries entries(RenderedFeed feed) {
        Assembled kept = assembled.get(feed.id());
        FeedEntries entries = kept == null || kept.feed().get() != feed ? null : kept.entries().get();
        if (entries == null) {
            entries = rendering.assembler().all(feed.snapshot().definition(), feed.snapshot().posts().stream().map(PublishedPost::post).toList(),
                    feed.fileSizes());
            assembled.put(feed.id(), new Assembled(new WeakReference<>(feed), new SoftReference<>(entries)));
        }
        return entries;
    }

    /**
     * The delta (RFC 3229, {@code A-IM: feed}) of {@code feed}'s current document in
     * {@code format} from {@code base}, an earlier version: only the entries added or changed
     * since, and in Atom the tombstones of entries deleted since. Empty when it would hold every
     * entry of the current document, which is then the better answer.
     */
    public Optional<Representation> delta(RenderedFeed feed, FeedFormat format, Versions.Version base) {
        FeedSnapshot current = feed.snapshot();
        long[] prints = feed.versions().current().prints();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < current.entries().size(); i++) {
            if (!base.holds(prints[i])) {
                entries.add(current.entries().get(i));
            }
        }
        if (entries.size() == current.entries().size() && !entries.isEmpty()) {
            return Optional.empty();
        }
        Instant since = base.at().truncatedTo(ChronoUnit.SECONDS);
        List<Tombstone> tombstones = current.tombstones().stream().filter(t -> !t.when().isBefore(since)).toList();
        FeedSnapshot delta = new FeedSnapshot(current.definition(), List.of(), entries, current.updated(), current.paging(), List.of(), tombstones);
        Representation full = feed.documents().get(format);
        byte[] body = rendering.renderer(format).render(delta);
        return Optional.of(Representation.onHeap(body, format.contentType(), full.lastModified(), rendering.gzipLevel()));
    }
}
