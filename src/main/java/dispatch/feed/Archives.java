package dispatch.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a feed's entries between its current document and its RFC 5005 archive pages, and keeps
 * its tombstones (RFC 6721). The current document holds the newest {@code limit} entries; the
 * rest fill archive pages of {@code limit} entries, numbered from the oldest. A page once full is
 * sealed and kept in the {@link FeedHistory}: a new article, even one dated in the past, never
 * changes it, nor its number. It changes only when an entry in it is deleted (it then holds one
 * fewer) or dated anew among the newest (it then moves to the current document), and once when
 * the page after it first appears (it gains its {@code next-archive} link). The newest page, not
 * full yet, takes the entries the current document lets go; when deletions would leave the
 * current document empty, the newest sealed page returns to it whole, and no other page changes.
 */
public final class Archives {

    /**
     * What one version of a feed publishes where.
     *
     * @param current the current document's entries, newest first
     * @param pages the archive pages, oldest first
     * @param tombstones the entries deleted within the tombstone lifetime, newest deletion first
     * @param history what the next version starts from
     */
    public record Plan(List<Entry> current, List<ArchivePage> pages, List<Tombstone> tombstones, FeedHistory history) {
    }

    private static final Comparator<Tombstone> NEWEST_FIRST =
            Comparator.comparing(Tombstone::when).reversed().thenComparing(Tombstone::ref);

    private Archives() {
    }

    /**
     * Plans the version of a feed whose entries are {@code all}, newest first, with
     * {@code limit} entries in its current document, after {@code before}; a deletion seen now
     * is dated {@code now}, and a tombstone is kept for {@code tombstoneLife}.
     */
    public static Plan plan(List<Entry> all, int limit, FeedHistory before, Duration tombstoneLife, Instant now) {
        Map<String, Integer> position = new HashMap<>(all.size() * 2);
        for (int i = 0; i < all.size(); i++) {
            position.putIfAbsent(all.get(i).id(), i);
        }
        List<FeedHistory.SealedPage> sealed = keptPages(all, limit, before, position, now);
        int archivedCount = sealed.stream().mapToInt(p -> p.ids().size()).sum();
        while (!sealed.isEmpty() && archivedCount == all.size()) { // the current document would be empty: the newest page returns to it
            archivedCount -= sealed.remove(sealed.size() - 1).ids().size();
        }
        Set<String> archived = new HashSet<>();
        sealed.forEach(p -> archived.addAll(p.ids()));
        List<Entry> loose = new ArrayList<>(all.size() - archived.size());
        for (Entry e : all) {
            if (!archived.contains(e.id())) {
                loose.add(e);
            }
        }
        List<Entry> current = loose.subList(0, Math.min(limit, loose.size()));
        List<Entry> rest = loose.subList(current.size(), loose.size());
                // the entries past the current document, oldest first, in pages: each full one is sealed
        List<List<String>> open = new ArrayList<>();
        for (int end = rest.size(); end > 0; end -= limit) {
            int start = Math.max(0, end - limit);
            List<String> ids = rest.subList(start, end).stream().map(Entry::id).toList();
            if (ids.size() == limit) {
                sealed.add(new FeedHistory.SealedPage(ids, now));
            } else {
                open.add(ids);
            }
        }
        int count = sealed.size() + open.size();
        List<ArchivePage> pages = new ArrayList<>(count);
        for (FeedHistory.SealedPage p : sealed) {
            int number = pages.size() + 1;
            pages.add(new ArchivePage(number, p.ids(), true, p.changed(), print(number, number < count, p.ids(), all, position)));
        }
        for (List<String> ids : open) {
            int number = pages.size() + 1;
            pages.add(new ArchivePage(number, ids, false, Instant.EPOCH, print(number, number < count, ids, all, position)));
        }
        List<String> ids = all.stream().map(Entry::id).sorted().toList();
        List<Tombstone> tombstones = tombstones(before, position, tombstoneLife, now);
        return new Plan(List.copyOf(current), pages, tombstones, new FeedHistory(limit, sealed, ids, tombstones));
    }

    /** A print of what an archive page publishes: its number, whether a newer page follows, and each entry as it is now. */
    private static long print(int number, boolean newer, List<String> ids, List<Entry> all, Map<String, Integer> position) {
        long print = number * 31L + (newer ? 1 : 0);
        for (String id : ids) {
            print = print * 1_000_003L ^ all.get(position.get(id)).print();
        }
        return print;
    }

    /**
     * The sealed pages of {@code before}, each without the entries that are gone or belong among
     * the newest now: those newer than the oldest entry the current document would hold without
     * them (an article dated anew). Pages made for another page size are let go.
     */
    private static List<FeedHistory.SealedPage> keptPages(List<Entry> all, int limit, FeedHistory before,
            Map<String, Integer> position, Instant now) {
        if (before.pageSize() != limit) {
            return new ArrayList<>();
        }
        Set<String> archived = new HashSet<>();
        before.sealed().forEach(p -> archived.addAll(p.ids()));
        int oldestCurrent = -1; // the position of the oldest entry of the current document, sealed pages left alone
        int taken = 0;
        for (int i = 0; i < all.size() && taken < limit; i++) {
            if (!archived.contains(all.get(i).id())) {
                oldestCurrent = i;
                taken++;
            }
        }
        List<FeedHistory.SealedPage> kept = new ArrayList<>(before.sealed().size());
        for (FeedHistory.SealedPage page : before.sealed()) {
            List<String> ids = new ArrayList<>(page.ids().size());
            for (String id : page.ids()) {
                Integer at = position.get(id);
                if (at != null && at > oldestCurrent) {
                    ids.add(all.get(at).id());
                }
            }
            ids.sort(Comparator.comparing(position::get));
            kept.add(ids.size() == page.ids().size() ? new FeedHistory.SealedPage(ids, page.changed()) : new FeedHistory.SealedPage(ids, now));
        }
        return kept;
    }

    /**
     * The tombstones of entries that {@code before} published and the feed no longer does, each
     * dated when its deletion was first seen, without those older than {@code life} or whose entry
     * is back.
     */
    private static List<Tombstone> tombstones(FeedHistory before, Map<String, Integer> position, Duration life, Instant now) {
        Instant oldest = now.minus(life);
        Map<String, Tombstone> kept = new HashMap<>();
        for (Tombstone t : before.tombstones()) {
            if (!position.containsKey(t.ref()) && t.when().isAfter(oldest)) {
                kept.put(t.ref(), t);
            }
        }
        if (!life.isZero() && !life.isNegative()) {
            for (String id : before.ids()) {
                if (!position.containsKey(id)) {
                    kept.putIfAbsent(id, new Tombstone(id, now));
                }
            }
        }
        return kept.values().stream().sorted(NEWEST_FIRST).toList();
    }
}
