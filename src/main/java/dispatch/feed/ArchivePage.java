package dispatch.feed;

import java.time.Instant;
import java.util.List;

/**
 * One archive page of a feed (RFC 5005 §4), as its entries' ids: the page renders on demand.
 *
 * @param number its number, from 1 (the oldest)
 * @param ids its entries' ids, newest first
 * @param sealed whether it is full and so fixed ({@link Archives} says when it still changes); the
 *     newest page, not full yet, changes as entries leave the current document
 * @param changed for a sealed page, when it was made full or last lost an entry; the epoch for the newest page
 * @param print a print of everything the page publishes (its entries as they are, its number, whether
 *     a newer page follows): equal prints, equal documents
 */
public record ArchivePage(int number, List<String> ids, boolean sealed, Instant changed, long print) {

    /** Copies the list. */
    public ArchivePage {
        ids = List.copyOf(ids);
    }
}
