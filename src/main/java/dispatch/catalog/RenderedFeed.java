package dispatch.catalog;

import dispatch.feed.FeedFormat;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Representation;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A feed ready to serve: its snapshot and a representation in every format.
 *
 * @param snapshot what the feed publishes
 * @param documents the rendered feed documents, one per format
 */
public record RenderedFeed(FeedSnapshot snapshot, Map<FeedFormat, Representation> documents) {

    /** Creates a published feed; the map is copied. */
    public RenderedFeed {
        documents = Map.copyOf(documents);
    }

    /** The feed's id. */
    public String id() {
        return snapshot.id();
    }

    /**
     * When the feed's content last changed, as its documents' {@code Last-Modified} says: never
     * later than the time it was published, never moving backwards. Pages of the feed use it too.
     */
    public Instant lastModified() {
        return documents.values().stream().map(Representation::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** The document in {@code format}, if it is published. */
    public Optional<Representation> document(FeedFormat format) {
        return Optional.ofNullable(documents.get(format));
    }
}
