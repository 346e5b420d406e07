package dispatch.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What was rendered on request (archive pages, deltas), kept while it fits in a memory budget,
 * the least recently used forgotten first. Keys name the version of what was rendered, so a
 * changed feed is simply not found; values hold bytes only, never the feed they were made from.
 * Thread-safe.
 *
 * @param <K> what a value is found by
 * @param <V> what is kept
 */
final class RecentServed<K, V> {

    /** A value and what it weighs. */
    private record Kept<V>(V value, long bytes) {
    }

    private final long maxBytes;
    private final ToLongFunction<V> weight;
    private final LinkedHashMap<K, Kept<V>> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** A cache of at most {@code maxBytes}, each value weighing what {@code weight} says. */
    RecentServed(long maxBytes, ToLongFunction<V> weight) {
        this.maxBytes = maxBytes;
        this.weight = weight;
    }

    /** What a prepared response weighs: its bodies, and a little for its headers. */
    static long weight(Served served) {
        return (served.body == null ? 0 : served.body.length()) + (served.compressible ? served.gzipBody.length() : 0) + 512L;
    }

    /** The value kept under {@code key}, or null. */
    synchronized V get(K key) {
        Kept<V> k = kept.get(key);
        return k == null ? null : k.value;
    }

    /** Keeps {@code value} under {@code key}. */
    synchronized void put(K key, V value) {
        long size = weight.applyAsLong(value);
        Kept<V> before = kept.put(key, new Kept<>(value, size));
        bytes += size - (before == null ? 0 : before.bytes);
        Iterator<Map.Entry<K, Kept<V>>> eldest = kept.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes;
            eldest.remove();
        }
    }
}
