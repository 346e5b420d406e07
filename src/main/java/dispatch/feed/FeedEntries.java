package dispatch.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feed's posts and entries, newest first, as {@link EntryAssembler} makes them.
 *
 * @param definition the feed's definition
 * @param posts every published post
 * @param entries every entry, with the {@code updated} time of its post
 * @param postsUpdated the latest {@code updated} time of any post
 */
public record FeedEntries(FeedDefinition definition, List<PublishedPost> posts, List<Entry> entries, Instant postsUpdated) {

    /** The snapshot publishing {@code current} of these entries in the feed's document. */
    public FeedSnapshot snapshot(List<Entry> current) {
        return snapshot(current, Paging.NONE, List.of(), List.of());
    }

    /** The snapshot publishing {@code current} in the current document, with the feed's archive pages and tombstones. */
    public FeedSnapshot snapshot(List<Entry> current, Paging paging, List<ArchivePage> archives, List<Tombstone> tombstones) {
        List<Entry> spaced = spacedOut(current);
        Instant updated = postsUpdated;
        for (Entry e : spaced) {
            if (e.updated().isAfter(updated)) {
                updated = e.updated();
            }
        }
        return new FeedSnapshot(definition, posts, spaced, updated, paging, archives, tombstones);
    }

    /** {@code entries} with {@code updated} times one second apart where they met ({@link UpdatedTimes}). */
    private static List<Entry> spacedOut(List<Entry> entries) {
        List<Entry> spaced = new ArrayList<>(entries);
        UpdatedTimes.spaceOut(spaced);
        return spaced;
    }

    /**
     * The snapshot of archive {@code page} of {@code pages}: its entries, newest first, last
     * updated when the newest of them was (an empty page, when it lost its last entry), so that
     * its bytes depend on nothing else.
     */
    public FeedSnapshot archivePage(ArchivePage page, int pages) {
        Set<String> ids = new HashSet<>(page.ids());
        List<Entry> picked = spacedOut(entries.stream().filter(e -> ids.contains(e.id())).toList());
        Instant updated = picked.isEmpty() ? page.changed() : Instant.EPOCH;
        for (Entry e : picked) {
            if (e.updated().isAfter(updated)) {
                updated = e.updated();
            }
        }
        return new FeedSnapshot(definition, List.of(), picked, updated, new Paging(page.number(), pages), List.of(), List.of());
    }
}
