package dispatch.feed;

import java.time.Instant;
import java.util.List;

/**
 * Everything one feed publishes at one moment: the feed's definition, all its posts newest first
 * (for permalink pages) and the entries of its feed documents. A pure function of the articles:
 * the same articles always give an equal snapshot.
 *
 * @param definition the feed's {@code feed.yaml}
 * @param posts every published post, newest first
 * @param entries the newest entries, at most {@link FeedDefinition#limit()}, newest first
 * @param updated when the feed's content last changed: the latest {@link Post#updated()} or entry
 *     {@code updated} (which includes the one-second spacing of an article's entries), or the
 *     epoch for a feed without posts
 * @param paging where this document sits among the feed's archives
 * @param archives the feed's archive pages, oldest first (in the current document's snapshot)
 * @param tombstones the entries deleted lately, newest deletion first (in the current document's snapshot)
 */
public record FeedSnapshot(FeedDefinition definition, List<PublishedPost> posts, List<Entry> entries, Instant updated,
        Paging paging, List<ArchivePage> archives, List<Tombstone> tombstones) {

    /** Creates a snapshot; lists are copied. */
    public FeedSnapshot {
        posts = List.copyOf(posts);
        entries = List.copyOf(entries);
        archives = List.copyOf(archives);
        tombstones = List.copyOf(tombstones);
    }

    /** A snapshot of a feed without archives or tombstones. */
    public FeedSnapshot(FeedDefinition definition, List<PublishedPost> posts, List<Entry> entries, Instant updated) {
        this(definition, posts, entries, updated, Paging.NONE, List.of(), List.of());
    }

    /** The feed's id. */
    public String id() {
        return definition.id();
    }
}
