package dispatch.catalog;

import dispatch.feed.FeedFormat;
import dispatch.feed.Representation;
import java.time.Instant;
import java.util.Map;
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
 * @param deleted ids of entries that are gone
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
}
