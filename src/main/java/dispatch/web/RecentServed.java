package dispatch.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents rendered on request (archive pages, deltas), kept while their bytes fit in a budget,
 * the least recently used forgotten first. Thread-safe.
 *
 * @param <K> what a document is found by
 */
final class RecentServed<K> {

    /** A document and what it was rendered from: it is found only for that same source. */
    private record Kept(Object source, Served served, long bytes) {
    }

    private final long maxBytes;
    private final LinkedHashMap<K, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** A cache of at most {@code maxBytes} of bodies. */
    RecentServed(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The document kept under {@code key} rendered from {@code source}, or null. */
    synchronized Served get(K key, Object source) {
        Kept k = kept.get(key);
        return k != null && k.source == source ? k.served : null;
    }

    /** Keeps {@code served}, rendered from {@code source}, under {@code key}. */
    synchronized void put(K key, Object source, Served served) {
        long size = served.body.length() + (served.compressible ? served.gzipBody.length() : 0) + 512L;
        Kept before = kept.put(key, new Kept(source, served, size));
        bytes += size - (before == null ? 0 : before.bytes);
        Iterator<Map.Entry<K, Kept>> eldest = kept.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes;
            eldest.remove();
        }
    }

    /** How many bytes of bodies are kept. */
    synchronized long bytes() {
        return bytes;
    }
}
