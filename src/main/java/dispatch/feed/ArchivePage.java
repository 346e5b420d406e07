package dispatch.feed;

import java.time.Instant;
import java.util.List;

/**
 * One archive page of a feed (RFC 5005 §4), as its entries' ids: the page renders on demand.
 *
 * @param number its number, from 1 (the oldest)
 * @param ids its entries' ids, newest first
 * @param sealed whether it is full and so fixed: it changes only when an entry in it is edited
 *     or deleted; the newest page, not full yet, changes as entries leave the current document
 * @param changed for a sealed page, when it was made full or last lost an entry; the epoch for the newest page
 */
public record ArchivePage(int number, List<String> ids, boolean sealed, Instant changed) {

    /** Copies the list. */
    public ArchivePage {
        ids = List.copyOf(ids);
    }
}
