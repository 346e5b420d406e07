package dispatch.catalog;

import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import dispatch.feed.Representation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one reload of one feed changed: the validators of each of its documents before and after,
 * and the entries added, changed and deleted. A feed that appears has no validators before; one
 * that goes away has none after. Listeners (hub notifications, histories, metrics) get one per
 * change, after the new state is served.
 *
 * @param feedId the feed
 * @param before each document's validators before the change; empty for a new feed
 * @param after each document's validators after the change; empty for a removed feed
 * @param added ids of entries that are new
 * @param changed ids of entries whose content or date changed
 * @param deleted ids of entries that left the feed documents: deleted, or moved to an archive page
 */
public record FeedChange(String feedId, Map<FeedFormat, Validators> before, Map<FeedFormat, Validators> after,
        Set<String> added, Set<String> changed, Set<String> deleted) {

    /** Copies the maps and sets. */
    public FeedChange {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
        added = Set.copyOf(added);
        changed = Set.copyOf(changed);
        deleted = Set.copyOf(deleted);
    }

    /** The validators of one document. */
    public record Validators(String etag, String gzipEtag, Instant lastModified) {

        /** The validators of {@code r}. */
        public static Validators of(Representation r) {
            return new Validators(r.etag(), r.gzipEtag(), r.lastModified());
        }
    }

    /** What changed from {@code before} to {@code after} (either may be null), or empty when nothing served did. */
    static Optional<FeedChange> between(String id, RenderedFeed before, RenderedFeed after) {
        if (before == after) {
            return Optional.empty();
        }
        Map<FeedFormat, Validators> was = validators(before);
        Map<FeedFormat, Validators> is = validators(after);
        if (was.equals(is)) {
            return Optional.empty();
        }
        Map<String, Entry> old = entries(before);
        Map<String, Entry> now = entries(after);
        Set<String> added = new HashSet<>();
        Set<String> changed = new HashSet<>();
        now.forEach((entryId, entry) -> {
            Entry was1 = old.get(entryId);
            if (was1 == null) {
                added.add(entryId);
            } else if (!was1.equals(entry)) {
                changed.add(entryId);
            }
        });
        Set<String> deleted = new HashSet<>(old.keySet());
        deleted.removeAll(now.keySet());
        return Optional.of(new FeedChange(id, was, is, added, changed, deleted));
    }

    static Map<FeedFormat, Validators> validators(RenderedFeed feed) {
        return feed == null ? new EnumMap<>(FeedFormat.class) : validators(feed.documents());
    }

    /** The validators of {@code documents}. */
    static Map<FeedFormat, Validators> validators(Map<FeedFormat, Representation> documents) {
        Map<FeedFormat, Validators> v = new EnumMap<>(FeedFormat.class);
        documents.forEach((format, r) -> v.put(format, Validators.of(r)));
        return v;
    }

    private static Map<String, Entry> entries(RenderedFeed feed) {
        Map<String, Entry> entries = new HashMap<>();
        if (feed != null) {
            feed.snapshot().entries().forEach(e -> entries.put(e.id(), e));
        }
        return entries;
    }
}
