package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The current document keeps the newest entries; the rest fill archive pages from the oldest. A
 * full page is sealed: new articles never change it, a deletion changes only the page that held
 * the entry, and every entry is published exactly once.
 */
class ArchivesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final Duration LIFE = Duration.ofDays(30);

    /** Entry {@code n}, published {@code n} hours after T0. */
    private static Entry entry(int n) {
        return entry("e" + n, T0.plusSeconds(3600L * n));
    }

    private static Entry entry(String id, Instant at) {
        return new Entry(id, id, "https://x.example/" + id, Optional.empty(), "<p>" + id + "</p>", at, at, Optional.empty(), List.of(),
                List.of(), Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    /** Entries 1 to {@code n}, newest first. */
    private static List<Entry> entries(int n) {
        return newestFirst(IntStream.rangeClosed(1, n).mapToObj(ArchivesTest::entry).toList());
    }

    private static List<Entry> newestFirst(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::published).reversed()).toList();
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }

    /** Every id the plan publishes, current document first, then each page from the newest. */
    private static List<String> walk(Archives.Plan plan) {
        List<String> all = new ArrayList<>(ids(plan.current()));
        for (int i = plan.pages().size() - 1; i >= 0; i--) {
            all.addAll(plan.pages().get(i).ids());
        }
        return all;
    }

    private static void assertEachOnce(List<Entry> entries, Archives.Plan plan) {
        List<String> walked = walk(plan);
        assertEquals(walked.size(), walked.stream().distinct().count(), "published twice: " + walked);
        assertEquals(ids(entries).stream().sorted().toList(), walked.stream().sorted().toList());
    }

    @Test
    void theCurrentDocumentKeepsTheNewestAndPagesFillFromTheOldest() {
        List<Entry> all = entries(12);
        Archives.Plan plan = Archives.plan(all, 5, FeedHistory.NONE, LIFE, NOW);
        assertEquals(List.of("e12", "e11", "e10", "e9", "e8"), ids(plan.current()));
        assertEquals(2, plan.pages().size());
        assertEquals(List.of("e5", "e4", "e3", "e2", "e1"), plan.pages().get(0).ids());
        assertTrue(plan.pages().get(0).sealed());
        assertEquals(List.of("e7", "e6"), plan.pages().get(1).ids());
        assertEquals(false, plan.pages().get(1).sealed());
        assertEachOnce(all, plan);
        assertEquals(plan, Archives.plan(all, 5, FeedHistory.NONE, LIFE, NOW), "a pure function of the entries");
    }

    @Test
    void aFeedWithinItsLimitHasNoArchive() {
        Archives.Plan plan = Archives.plan(entries(5), 5, FeedHistory.NONE, LIFE, NOW);
        assertEquals(5, plan.current().size());
        assertEquals(List.of(), plan.pages());
    }

    @Test
    void newArticlesNeverChangeASealedPage() {
        Archives.Plan before = Archives.plan(entries(12), 5, FeedHistory.NONE, LIFE, NOW);
        Archives.Plan after = before;
        for (int n = 13; n <= 20; n++) {
            List<Entry> all = entries(n);
            after = Archives.plan(all, 5, after.history(), LIFE, NOW.plusSeconds(n));
            assertEquals(before.pages().get(0), after.pages().get(0));
            assertEachOnce(all, after);
        }
        assertEquals(List.of("e10", "e9", "e8", "e7", "e6"), after.pages().get(1).ids(), "the second page filled, then was sealed");
        assertTrue(after.pages().get(1).sealed());
        assertEquals(List.of("e15", "e14", "e13", "e12", "e11"), after.pages().get(2).ids());
        assertEquals(ids(Archives.plan(entries(20), 5, FeedHistory.NONE, LIFE, NOW).current()), ids(after.current()));
    }

    @Test
    void anArticleDatedInThePastGoesToTheNewestPage() {
        Archives.Plan before = Archives.plan(entries(12), 5, FeedHistory.NONE, LIFE, NOW);
        List<Entry> all = new ArrayList<>(entries(12));
        all.add(entry("old", T0.minusSeconds(3600)));
        Archives.Plan after = Archives.plan(newestFirst(all), 5, before.history(), LIFE, NOW);
        assertEquals(before.pages().get(0), after.pages().get(0));
        assertEquals(List.of("e7", "e6", "old"), after.pages().get(1).ids());
        assertEachOnce(all, after);
    }

    @Test
    void aDeletionChangesOnlyThePageThatHeldTheEntryAndLeavesATombstone() {
        Archives.Plan before = Archives.plan(entries(17), 5, FeedHistory.NONE, LIFE, NOW);
        assertEquals(3, before.pages().size());
        List<Entry> all = entries(17).stream().filter(e -> !e.id().equals("e3")).toList();
        Instant later = NOW.plusSeconds(60);
        Archives.Plan after = Archives.plan(all, 5, before.history(), LIFE, later);
        assertEquals(List.of("e5", "e4", "e2", "e1"), after.pages().get(0).ids());
        assertEquals(later, after.pages().get(0).changed(), "its Last-Modified moves forward");
        assertEquals(before.pages().get(1), after.pages().get(1));
        assertEquals(before.pages().get(2), after.pages().get(2));
        assertEquals(List.of(new Tombstone("e3", later)), after.tombstones());
        assertEachOnce(all, after);
    }

    @Test
    void deletingTheNewestTakesFromTheNewestPageNotFromASealedOne() {
        Archives.Plan before = Archives.plan(entries(12), 5, FeedHistory.NONE, LIFE, NOW);
        List<Entry> all = entries(10);
        Archives.Plan after = Archives.plan(all, 5, before.history(), LIFE, NOW);
        assertEquals(List.of("e10", "e9", "e8", "e7", "e6"), ids(after.current()));
        assertEquals(1, after.pages().size(), "the newest page gave its entries back");
        assertEquals(before.pages().get(0).ids(), after.pages().get(0).ids());
        assertNotEquals(before.pages().get(0).print(), after.pages().get(0).print(), "no newer page to link now");
        Archives.Plan emptier = Archives.plan(entries(8), 5, after.history(), LIFE, NOW);
        assertEquals(List.of("e8", "e7", "e6"), ids(emptier.current()), "a sealed page stays whole: the document holds fewer");
        assertEquals(after.pages().get(0), emptier.pages().get(0));
        assertEachOnce(entries(8), emptier);
    }

    @Test
    void anArchivedArticleDatedAnewReturnsToTheCurrentDocument() {
        Archives.Plan before = Archives.plan(entries(12), 5, FeedHistory.NONE, LIFE, NOW);
        List<Entry> all = new ArrayList<>(entries(12).stream().filter(e -> !e.id().equals("e2")).toList());
        all.add(entry("e2", T0.plusSeconds(3600L * 100)));
        all = newestFirst(all);
        Archives.Plan after = Archives.plan(all, 5, before.history(), LIFE, NOW);
        assertEquals(List.of("e2", "e12", "e11", "e10", "e9"), ids(after.current()));
        assertEquals(List.of("e5", "e4", "e3", "e1"), after.pages().get(0).ids());
        assertEquals(List.of("e8", "e7", "e6"), after.pages().get(1).ids());
        assertEquals(List.of(), after.tombstones(), "moved, not deleted");
        assertEachOnce(all, after);
    }

    @Test
    void anotherPageSizeCutsThePagesAfresh() {
        Archives.Plan before = Archives.plan(entries(12), 5, FeedHistory.NONE, LIFE, NOW);
        Archives.Plan after = Archives.plan(entries(12), 4, before.history(), LIFE, NOW);
        assertEquals(List.of("e4", "e3", "e2", "e1"), after.pages().get(0).ids());
        assertEquals(4, after.history().pageSize());
        assertEachOnce(entries(12), after);
    }

    @Test
    void aTombstoneLastsItsLifeAndGoesWhenItsEntryComesBack() {
        Archives.Plan before = Archives.plan(entries(3), 5, FeedHistory.NONE, LIFE, NOW);
        Archives.Plan deleted = Archives.plan(entries(2), 5, before.history(), LIFE, NOW);
        assertEquals(List.of(new Tombstone("e3", NOW)), deleted.tombstones());
        Archives.Plan stillThere = Archives.plan(entries(2), 5, deleted.history(), LIFE, NOW.plus(LIFE).minusSeconds(1));
        assertEquals(deleted.tombstones(), stillThere.tombstones());
        assertEquals(List.of(), Archives.plan(entries(2), 5, deleted.history(), LIFE, NOW.plus(LIFE)).tombstones());
        assertEquals(List.of(), Archives.plan(entries(3), 5, deleted.history(), LIFE, NOW).tombstones(), "restored");
        assertEquals(List.of(), Archives.plan(entries(2), 5, before.history(), Duration.ZERO, NOW).tombstones(), "tombstones off");
    }

    @Test
    void aFirstVersionHasNoTombstones() {
        assertEquals(List.of(), Archives.plan(entries(2), 5, FeedHistory.NONE, LIFE, NOW).tombstones());
    }

    @Test
    void whenDeletionsWouldEmptyTheCurrentDocumentTheNewestPageReturnsWhole() {
        Archives.Plan before = Archives.plan(entries(15), 5, FeedHistory.NONE, LIFE, NOW);
        assertEquals(2, before.pages().size());
        List<Entry> all = entries(10);
        Archives.Plan after = Archives.plan(all, 5, before.history(), LIFE, NOW);
        assertEquals(List.of("e10", "e9", "e8", "e7", "e6"), ids(after.current()));
        assertEquals(List.of(before.pages().get(0).ids()), after.pages().stream().map(ArchivePage::ids).toList());
        assertEachOnce(all, after);
    }

    @Test
    void aSealedPageLinksTheNewerPageOnceItAppears() {
        Archives.Plan before = Archives.plan(entries(10), 5, FeedHistory.NONE, LIFE, NOW);
        assertEquals(1, before.pages().size());
        Archives.Plan after = Archives.plan(entries(11), 5, before.history(), LIFE, NOW);
        assertEquals(before.pages().get(0).ids(), after.pages().get(0).ids());
        assertNotEquals(before.pages().get(0).print(), after.pages().get(0).print());
        Archives.Plan later = Archives.plan(entries(12), 5, after.history(), LIFE, NOW);
        assertEquals(after.pages().get(0), later.pages().get(0), "and then stays as it is");
    }
}
