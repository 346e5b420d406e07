package dispatch.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code /api/stats} answers and {@code /stats} shows: per feed, subscribers for each of the
 * last days, today's aggregator counts and request mix (with the bytes spared by 304s and gzip);
 * and the report card of each client family.
 */
public final class StatsReport {

    private StatsReport() {
    }

    /** The report of {@code stats}, as maps and lists ready for JSON. */
    public static Map<String, Object> of(SubscriberStats stats) {
        stats.drain();
        TreeMap<LocalDate, Map<String, Long>> days = stats.subscribers();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("days", SubscriberStats.DAYS);
        Map<String, Object> feeds = new TreeMap<>();
        TreeSet<String> ids = new TreeSet<>();
        days.values().forEach(d -> ids.addAll(d.keySet()));
        stats.today(t -> {
            ids.addAll(t.feeds());
            return null;
        });
        for (String feed : ids) {
            Map<String, Object> f = new LinkedHashMap<>();
            List<Map<String, Object>> series = new ArrayList<>();
            days.forEach((date, counts) -> {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("date", date.toString());
                point.put("subscribers", counts.getOrDefault(feed, 0L));
                series.add(point);
            });
            f.put("subscribers", series);
            stats.today(t -> {
                f.put("aggregators", new TreeMap<>(t.aggregators.getOrDefault(feed, Map.of())));
                f.put("otherClients", t.clients.getOrDefault(feed, java.util.Set.of()).size());
                DailyTally.Mix m = t.mix.get(feed);
                Map<String, Object> mix = new LinkedHashMap<>();
                mix.put("requests", m == null ? 0 : m.requests);
                mix.put("notModified", m == null ? 0 : m.notModified);
                mix.put("conditional", m == null ? 0 : m.conditional);
                mix.put("gzip", m == null ? 0 : m.gzip);
                mix.put("bytesSent", m == null ? 0 : m.bytesSent);
                mix.put("bytesSaved", m == null ? 0 : m.bytesSaved);
                f.put("today", mix);
                return null;
            });
            feeds.put(feed, f);
        }
        report.put("feeds", feeds);
        report.put("reportCard", stats.today(StatsReport::cards));
        report.put("capped", stats.today(t -> t.capped));
        report.put("droppedHits", stats.dropped());
        return report;
    }

    private static List<Map<String, Object>> cards(DailyTally t) {
        List<Map<String, Object>> cards = new ArrayList<>();
        t.cards.forEach((family, c) -> {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("family", family);
            card.put("requests", c.requests);
            card.put("conditionalShare", share(c.conditional, c.requests));
            card.put("gzipShare", share(c.gzip, c.requests));
            card.put("notModifiedShare", share(c.notModified, c.requests));
            card.put("medianIntervalSeconds", median(c.intervalsSeconds));
            card.put("fasterThanTtlShare", share(c.fasterThanTtl, c.intervals));
            card.put("subscribers", c.subscribers);
            cards.add(card);
        });
        cards.sort(Comparator.comparing((Map<String, Object> c) -> (Long) c.get("requests")).reversed()
                .thenComparing(c -> (String) c.get("family")));
        return cards;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
