package dispatch.catalog;

import dispatch.feed.FeedFormat;
import dispatch.feed.FeedHistory;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Representation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A feed ready to serve: its snapshot and a representation in every format.
 *
 * @param snapshot what the feed publishes
 * @param documents the rendered feed documents, one per format
 * @param files the files of the feed folder it serves (icon, logo, images, enclosures), by name
 * @param history what its next version starts from: its sealed archive pages, entry ids, tombstones
 * @param versions this version and the ones before it that a delta may start from
 */
public record RenderedFeed(FeedSnapshot snapshot, Map<FeedFormat, Representation> documents, Map<String, Representation> files,
        FeedHistory history, Versions versions) {

    /** Creates a published feed; the maps are copied. */
    public RenderedFeed {
        documents = Map.copyOf(documents);
        files = Map.copyOf(files);
    }

    /** A published feed without archives, serving no files, with no earlier version. */
    public RenderedFeed(FeedSnapshot snapshot, Map<FeedFormat, Representation> documents) {
        this(snapshot, documents, Map.of(), FeedHistory.NONE, Versions.first(Versions.Version.of(FeedChange.validators(documents),
                snapshot.entries(), Instant.EPOCH)));
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

    /** The size of each file it serves, by name: what images and enclosures in the folder weigh. */
    public Map<String, Long> fileSizes() {
        Map<String, Long> sizes = new HashMap<>();
        files.forEach((name, r) -> sizes.put(name, (long) r.body().remaining()));
        return sizes;
    }

    /**
     * This feed with every file last modified at {@code changed}, the time of its feed's last
     * change: what every replica of a cluster serves alike, whichever versions it saw.
     */
    RenderedFeed withFilesChangedAt(Instant changed) {
        Map<String, Representation> timed = new HashMap<>();
        files.forEach((name, r) -> timed.put(name, r.lastModified().equals(changed) ? r : r.withLastModified(changed)));
        return new RenderedFeed(snapshot, documents, timed, history, versions);
    }

    /** The document in {@code format}, if it is published. */
    public Optional<Representation> document(FeedFormat format) {
        return Optional.ofNullable(documents.get(format));
    }
}
