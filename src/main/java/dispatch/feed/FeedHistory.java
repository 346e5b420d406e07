package dispatch.feed;

import java.time.Instant;
import java.util.List;

/**
 * What a feed carries from one version to the next, beyond its articles: the archive pages that
 * are full ({@link Archives}), the id of every entry it publishes (to tell a deletion), and the
 * tombstones of entries deleted lately. Kept in the data folder, so that a restart keeps archive
 * pages and tombstones as they were.
 *
 * @param pageSize the number of entries of a full archive page when the pages were made
 * @param sealed the full archive pages, oldest first: page 1, 2, ...
 * @param ids the id of every entry the feed publishes now, current and archived: one missing next time was deleted
 * @param tombstones entries deleted lately, newest deletion first
 */
public record FeedHistory(int pageSize, List<SealedPage> sealed, List<String> ids, List<Tombstone> tombstones) {

    /** The history of a feed never published before. */
    public static final FeedHistory NONE = new FeedHistory(0, List.of(), List.of(), List.of());

    /** Copies the lists. */
    public FeedHistory {
        sealed = List.copyOf(sealed);
        ids = List.copyOf(ids);
        tombstones = List.copyOf(tombstones);
    }

    /**
     * An archive page that was full when it was made. Its entries leave it only when they are
     * deleted or dated anew among the newest, or, if it is the newest page, when deletions would
     * leave the current document empty ({@link Archives}).
     *
     * @param ids its entries' ids, newest first
     * @param changed when it was made full or last lost an entry: its {@code Last-Modified} never moves
     *     back before it
     */
    public record SealedPage(List<String> ids, Instant changed) {

        /** Copies the list. */
        public SealedPage {
            ids = List.copyOf(ids);
        }
    }

    /** Whether this is the history of a feed never published before. */
    public boolean empty() {
        return pageSize == 0 && ids.isEmpty() && sealed.isEmpty() && tombstones.isEmpty();
    }
}
