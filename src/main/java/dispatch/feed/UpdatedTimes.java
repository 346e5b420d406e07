package dispatch.feed;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Entries' {@code updated} times made distinct, so that no two entries of a document share one. */
public final class UpdatedTimes {

    private UpdatedTimes() {
    }

    /**
     * Gives each run of consecutive entries that share one {@code updated} time (an article and
     * its related headlines; same-day articles dated by a file-name prefix; files saved in the
     * same second) times one second apart: the last of the run keeps the time, each one before it
     * a second more, and any entry whose time another entry after it already has, the next free
     * second. Readers sorting by date then keep the feed's order, and no two entries share
     * an {@code updated} time, which the W3C validator warns about. Adding an entry to a run moves
     * the times of the entries before it by a second; ids and {@code published} never change.
     */
    public static void spaceOut(List<Entry> entries) {
        Set<Instant> taken = new HashSet<>();
        for (int k = entries.size() - 1; k >= 0; k--) { // oldest first: a newer entry moves, never an older one
            Instant t = entries.get(k).updated();
            Instant free = t;
            while (!taken.add(free)) {
                free = free.plusSeconds(1);
            }
            if (!free.equals(t)) {
                entries.set(k, entries.get(k).updatedAt(free));
            }
        }
    }
}
