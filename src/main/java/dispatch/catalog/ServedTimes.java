package dispatch.catalog;

import dispatch.catalog.FeedChange.Validators;
import dispatch.feed.FeedFormat;
import dispatch.feed.Representation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code Last-Modified} of a feed's documents: the time its content last changed, never later
 * than now, never moving backwards, and kept while the bytes are the same.
 */
final class ServedTimes {

    private ServedTimes() {
    }

    /**
     * {@code rendered}, each last modified when its feed's content last changed, made ready to
     * serve at {@code now}: never later than now, and never moving backwards from
     * {@code previous}, the feed as served before, or (after a restart) from {@code served}, the
     * validators its documents were last served with.
     */
    static Map<FeedFormat, Representation> servable(Map<FeedFormat, Representation> rendered, RenderedFeed previous,
            Map<FeedFormat, Validators> served, Instant now) {
        Map<FeedFormat, Representation> documents = new EnumMap<>(FeedFormat.class);
        rendered.forEach((format, made) -> {
            Representation r = made;
            if (r.lastModified().isAfter(now)) {
                r = r.withLastModified(now); // HTTP forbids a Last-Modified in the future (RFC 9110 §8.8.2.1)
            }
            Representation before = previous == null ? null : previous.documents().get(format);
            Validators stored = served.get(format); // set beside previous only when replicas share them: they win
            if (before != null && r.sameBytes(before) && (stored == null || stored.equals(Validators.of(before)))) {
                r = before;
            } else {
                Validators was = stored != null ? stored : before != null ? Validators.of(before) : null;
                if (was != null) {
                    r = r.withLastModified(lastModified(r, was, now));
                }
            }
            documents.put(format, r);
        });
        return documents;
    }

    /** When {@code r} last changed, given the validators it {@code was} served with. */
    private static Instant lastModified(Representation r, Validators was, Instant now) {
        if (r.etag().equals(was.etag())) {
            return was.lastModified(); // the same bytes: the same time, even if it was moved forward
        }
        if (r.lastModified().isAfter(was.lastModified())) {
            return r.lastModified();
        }
        // changed bytes, no later content date: the change happened now (or, within the same
        // second as the last change, at that second; the ETag still tells them apart)
        return now.isAfter(was.lastModified()) ? now : was.lastModified();
    }
}
