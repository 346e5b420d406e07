package dispatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscribers counted per feed and day, kept across restarts, never an address written, and memory bounded under a flood. */
class SubscriberStatsTest {

    @TempDir
    Path data;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));

    private static Hit hit(String feed, String address, String agent) {
        return new Hit(feed, address, agent, true, true, true, 0, 1000, System.nanoTime());
    }

    @Test
    void aggregatorsReportTheirLatestCountAndOtherReadersCountOnce() throws Exception {
        SubscriberStats stats = new SubscriberStats(data, clock, feed -> 900);
        stats.record(hit("world", "10.0.0.1", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 100 subscribers)"));
        stats.record(hit("world", "10.0.0.1", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 120 subscribers)"));
        stats.record(hit("world", "10.0.0.2", "Feedbin feed-id:1 - 5 subscribers"));
        stats.record(hit("world", "10.0.0.2", "Feedbin feed-id:2 - 7 subscribers"));
        stats.record(hit("world", "192.0.2.7", "newsboat/2.21"));
        stats.record(hit("world", "192.0.2.7", "newsboat/2.21"));
        stats.record(hit("world", "192.0.2.8", "newsboat/2.21"));
        stats.record(hit("world", "192.0.2.9", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"));
        stats.record(hit("world", "192.0.2.10", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        stats.drain();
        assertEquals(Map.of("world", 120L + 5 + 7 + 2), stats.subscribers().lastEntry().getValue(),
                "Feedly's latest, Feedbin's two feed ids, two newsboat readers; no browser, no crawler");
        stats.save();
        String saved = Files.readString(data.resolve("stats/subscribers.json"));
        assertTrue(saved.contains("\"2026-11-30\""), saved);
        assertTrue(!saved.contains("192.0.2") && !saved.contains("10.0.0"), "no address is ever written: " + saved);

        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        stats.record(hit("world", "192.0.2.7", "newsboat/2.21"));
        stats.drain();
        SubscriberStats restarted = new SubscriberStats(data, clock, feed -> 900);
        stats.save();
        restarted.load();
        var days = restarted.subscribers();
        assertEquals(134L, days.get(LocalDate.parse("2026-11-30")).get("world"), "yesterday kept across a restart");
    }

    @Test
    void theLatestReportWinsWhateverOrderHitsArriveIn() throws Exception {
        SubscriberStats stats = new SubscriberStats(data, clock, feed -> 900);
        Hit older = hit("world", "10.0.0.1", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 120 subscribers)");
        Thread.sleep(1);
        Hit newer = hit("world", "10.0.0.1", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 123 subscribers)");
        Thread other = new Thread(() -> stats.record(newer)); // another event loop's list, drained first
        other.start();
        other.join();
        stats.record(older);
        stats.drain();
        assertEquals(Map.of("world", 123L), stats.subscribers().lastEntry().getValue());
    }

    @Test
    void aFloodOfRandomClientsStaysWithinTheBound() {
        SubscriberStats stats = new SubscriberStats(data, clock, feed -> 900);
        for (int i = 0; i < 400_000; i++) {
            stats.record(hit("world", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "Random/" + i + " (" + i + " subscribers)"));
            stats.record(hit("world", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "Agent-" + i));
            if (i % 50_000 == 0) {
                stats.drain();
            }
        }
        stats.drain();
        int bound = DailyTally.MAX_CLIENTS * 2 + DailyTally.MAX_AGGREGATOR_KEYS * 2 + DailyTally.MAX_FAMILIES + 2 * SubscriberStats.MAX_AGENTS;
        assertTrue(stats.size() <= bound, stats.size() + " entries, at most " + bound);
        assertTrue(stats.dropped() > 0 || stats.size() > 0);
        assertTrue((Boolean) StatsReport.of(stats).get("capped"), "the report says the day's counts are capped");
    }
}
