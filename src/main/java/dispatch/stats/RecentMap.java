package dispatch.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most a fixed number of entries, forgetting the least recently used first:
 * what is remembered of clients stays bounded whatever arrives. Not thread-safe.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class RecentMap<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int max;

    /** A map of at most {@code max} entries. */
    public RecentMap(int max) {
        super(1024, 0.75f, true);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
