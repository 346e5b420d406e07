package dispatch.catalog;

import dispatch.feed.ArchivePage;
import dispatch.feed.Entry;
import dispatch.feed.FeedEntries;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedRenderer;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.PublishedPost;
import dispatch.feed.Representation;
import dispatch.feed.Tombstone;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The documents of a feed's history, rendered on request rather than with the feed: its RFC
 * 5005 archive pages, and RFC 3229 deltas of its current documents from earlier versions.
 */
public final class HistoryDocuments {

    private final FeedRendering rendering;

    /** Documents rendered as {@code rendering} renders feeds. */
    public HistoryDocuments(FeedRendering rendering) {
        this.rendering = rendering;
    }

    /**
     * Archive page {@code number} of {@code feed} in {@code format}, or empty when it has no such
     * page. A sealed page is last modified when its newest entry was updated or it last lost an
     * entry; the newest page, when the feed last changed.
     */
    public Optional<Representation> archive(RenderedFeed feed, int number, FeedFormat format) {
        List<ArchivePage> pages = feed.snapshot().archives();
        if (number < 1 || number > pages.size()) {
            return Optional.empty();
        }
        ArchivePage page = pages.get(number - 1);
        FeedSnapshot snapshot = entries(feed).archivePage(page, pages.size());
        Instant lastModified = feed.lastModified();
        if (page.sealed()) {
            Instant latest = snapshot.updated().isAfter(page.changed()) ? snapshot.updated() : page.changed();
            Instant rendered = feed.versions().current().at();
            lastModified = latest.isAfter(rendered) ? rendered : latest;
        }
        FeedRenderer renderer = rendering.renderer(format);
        return Optional.of(Representation.onHeap(renderer.render(snapshot), format.contentType(), lastModified, rendering.gzipLevel()));
    }

    /** Every entry of {@code feed}, current and archived, assembled again from its posts. */
    FeedEntries entries(RenderedFeed feed) {
        return rendering.assembler().all(feed.snapshot().definition(), feed.snapshot().posts().stream().map(PublishedPost::post).toList(), feed.fileSizes());
    }

    /**
     * The delta (RFC 3229, {@code A-IM: feed}) of {@code feed}'s current document in
     * {@code format} from {@code base}, an earlier version: only the entries added or changed
     * since, and in Atom the tombstones of entries deleted since. Empty when it would hold every
     * entry of the current document, which is then the better answer.
     */
    public Optional<Representation> delta(RenderedFeed feed, FeedFormat format, Versions.Version base) {
        FeedSnapshot current = feed.snapshot();
        List<Entry> entries = current.entries().stream().filter(e -> !base.holds(e)).toList();
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
