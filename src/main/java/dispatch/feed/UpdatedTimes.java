package dispatch.feed;

import java.time.Instant;
import java.util.List;

/** Entries' {@code updated} times made distinct, so that no two entries of a document share one. */
public final class UpdatedTimes {

    private UpdatedTimes() {
    }

    /**
     * Gives each run of consecutive entries that share one {@code updated} time (an article and
     * its related headlines; same-day articles dated by a file-name prefix; files saved in the
     * same second) times one second apart: the last of the run keeps the time, each one before it
     * a second more. Readers sorting by date then keep the feed's order, and no two entries share
     * an {@code updated} time, which the W3C validator warns about. Adding an entry to a run moves
     * the times of the entries before it by a second; ids and {@code published} never change.
     */
    public static void spaceOut(List<Entry> entries) {
        int i = 0;
        while (i < entries.size()) {
            Instant t = entries.get(i).updated();
            int j = i;
            while (j < entries.size() && entries.get(j).updated().equals(t)) {
                j++;
            }
            for (int k = i; k < j - 1; k++) {
                entries.set(k, entries.get(k).updatedAt(t.plusSeconds(j - 1 - k)));
            }
            i = j;
        }
    }
}
