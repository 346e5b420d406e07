package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No two entries keep one {@code updated} time, however runs of equal times follow each other; an older entry never moves. */
class UpdatedTimesTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static Entry entry(String id, Instant updated) {
        return new Entry(id, id, "https://x.example/" + id, Optional.empty(), "<p>x</p>", T, updated, Optional.empty(), List.of(), List.of(),
                Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    private static List<Instant> spaced(Instant... times) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            entries.add(entry("e" + i, times[i]));
        }
        UpdatedTimes.spaceOut(entries);
        return entries.stream().map(Entry::updated).toList();
    }

    @Test
    void aRunTakesOneSecondEachAboveItsLast() {
        assertEquals(List.of(T.plusSeconds(2), T.plusSeconds(1), T), spaced(T, T, T));
    }

    @Test
    void aRunPushedIntoTheNextTimeUpIsSpacedToo() {
        // merged feeds: t+2, then a run at t+1, then t
        assertEquals(List.of(T.plusSeconds(3), T.plusSeconds(2), T.plusSeconds(1), T),
                spaced(T.plusSeconds(2), T.plusSeconds(1), T.plusSeconds(1), T));
    }

    @Test
    void distinctTimesStayAsTheyAreInAnyOrder() {
        assertEquals(List.of(T, T.plusSeconds(10), T.minusSeconds(5)), spaced(T, T.plusSeconds(10), T.minusSeconds(5)));
    }
}
