package dispatch.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One day's counts, in fixed memory whatever arrives: subscribers per feed (the latest count each
 * aggregator reports, by aggregator and its feed id, plus distinct other clients, each known only
 * as a salted hash), the request mix per feed, and a report card per client family.
 */
final class DailyTally {

    /** The most distinct clients remembered in a day, over all feeds; more are not counted. */
    static final int MAX_CLIENTS = 200_000;
    /** The most aggregator and feed-id pairs kept in a day. */
    static final int MAX_AGGREGATOR_KEYS = 10_000;
    /** The most client families on the report card; the rest count as "(other)". */
    static final int MAX_FAMILIES = 500;
    /** Poll intervals kept per family for its median. */
    static final int MAX_INTERVALS = 1_000;

    /** A feed's request mix. */
    static final class Mix {
        long requests;
        long notModified;
        long conditional;
        long gzip;
        long bytesSent;
        long bytesSaved;
    }

    /** One client family's manners. */
    static final class Card {
        long requests;
        long conditional;
        long gzip;
        long notModified;
        long subscribers;
        long intervals;
        long fasterThanTtl;
        final List<Long> intervalsSeconds = new ArrayList<>();
    }

    final Map<String, Map<String, Long>> aggregators = new HashMap<>();
    /** When each aggregator count was reported ({@link System#nanoTime}): hits reach the tally out of order. */
    private final Map<String, Long> reportedAt = new HashMap<>();
    final Map<String, Set<Long>> clients = new HashMap<>();
    final Map<String, Mix> mix = new HashMap<>();
    final Map<String, Card> cards = new HashMap<>();
    private final Map<Long, Long> lastSeen = new RecentMap<>(MAX_CLIENTS);
    /** Readers added since {@link #takeFresh}, by feed: what a cluster's shared counts have not had yet. */
    private Map<String, List<Long>> fresh = new HashMap<>();
    private int clientCount;
    private int aggregatorKeys;
    boolean capped;

    /**
     * Counts {@code hit}, made by {@code client}, whose address and User-Agent hash to
     * {@code clientHash}, of a feed whose ttl is {@code ttlSeconds}.
     */
    void add(Hit hit, UserAgents.Client client, long clientHash, long ttlSeconds) {
        Mix m = mix.computeIfAbsent(hit.feed(), f -> new Mix());
        m.requests++;
        m.notModified += hit.notModified() ? 1 : 0;
        m.conditional += hit.conditional() ? 1 : 0;
        m.gzip += hit.gzip() ? 1 : 0;
        m.bytesSent += hit.bytesSent();
        m.bytesSaved += hit.bytesSaved();
        if (client.kind() == UserAgents.Kind.BROWSER || client.kind() == UserAgents.Kind.CRAWLER) {
            return; // people looking and robots indexing are no subscribers
        }
        String family = cards.containsKey(client.family()) || cards.size() < MAX_FAMILIES ? client.family() : "(other)";
        Card card = cards.computeIfAbsent(family, f -> new Card());
        card.requests++;
        card.conditional += hit.conditional() ? 1 : 0;
        card.gzip += hit.gzip() ? 1 : 0;
        card.notModified += hit.notModified() ? 1 : 0;
        long visit = 31 * clientHash + hit.feed().hashCode();
        Long before = lastSeen.get(visit);
        if (before == null || hit.nanos() >= before) {
            lastSeen.put(visit, hit.nanos());
        }
        if (before != null && hit.nanos() >= before) {
            long seconds = (hit.nanos() - before) / 1_000_000_000L;
            card.intervals++;
            card.fasterThanTtl += seconds < ttlSeconds ? 1 : 0;
            if (card.intervalsSeconds.size() < MAX_INTERVALS) {
                card.intervalsSeconds.add(seconds);
            }
        }
        if (client.kind() == UserAgents.Kind.AGGREGATOR && client.subscribers().isPresent()) {
            String key = family + "|" + client.aggregatorFeed().orElse("");
            Map<String, Long> perFeed = aggregators.computeIfAbsent(hit.feed(), f -> new HashMap<>());
            if (perFeed.containsKey(key) || aggregatorKeys < MAX_AGGREGATOR_KEYS) {
                String at = hit.feed() + "\n" + key;
                Long when = reportedAt.get(at);
                if (when == null || hit.nanos() >= when) { // the latest report wins, in the order they were made
                    reportedAt.put(at, hit.nanos());
                    if (perFeed.put(key, client.subscribers().getAsLong()) == null) {
                        aggregatorKeys++;
                    }
                }
            } else {
                capped = true;
            }
            card.subscribers = Math.max(card.subscribers, client.subscribers().getAsLong());
            return;
        }
        if (client.kind() == UserAgents.Kind.CLIENT) {
            Set<Long> seen = clients.computeIfAbsent(hit.feed(), f -> new HashSet<>());
            if (seen.contains(clientHash)) {
                return;
            }
            if (clientCount < MAX_CLIENTS) {
                seen.add(clientHash);
                fresh.computeIfAbsent(hit.feed(), f -> new ArrayList<>()).add(clientHash);
                clientCount++;
            } else {
                capped = true;
            }
        }
    }

    /** The readers added since the last call, by feed, no longer held as fresh. */
    Map<String, List<Long>> takeFresh() {
        Map<String, List<Long>> taken = fresh;
        fresh = new HashMap<>();
        return taken;
    }

    /** Gives back readers {@link #takeFresh} took that could not be passed on, to be taken again. */
    void giveBack(Map<String, List<Long>> readers) {
        readers.forEach((feed, hashes) -> fresh.computeIfAbsent(feed, f -> new ArrayList<>()).addAll(hashes));
    }

    /** Subscribers of {@code feed} this day: what aggregators report plus distinct other clients. */
    long subscribers(String feed) {
        long reported = aggregators.getOrDefault(feed, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        return reported + clients.getOrDefault(feed, Set.of()).size();
    }

    /** Every feed counted this day. */
    Set<String> feeds() {
        Set<String> feeds = new HashSet<>(mix.keySet());
        feeds.addAll(aggregators.keySet());
        return feeds;
    }

    /** Entries held, over every map: what the memory bound is about. */
    int size() {
        return clientCount + aggregatorKeys * 2 + cards.size() + lastSeen.size();
    }
}
