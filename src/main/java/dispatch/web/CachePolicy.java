package dispatch.web;

import dispatch.config.DispatchConfig;
import dispatch.feed.Representation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place that decides how each kind of response may be cached: its
 * {@code Cache-Control}, what it varies on, and, for HTML pages, their security headers.
 * {@link Served} holds the decision, prepared once per content change; {@link Responder} writes
 * it with the representation's validators.
 *
 * <ul>
 *   <li>Feed documents: {@code public, max-age=<ttl>} with the configured stale extensions,
 *       varying on {@code Accept} (a browser gets a page at the same URL) and
 *       {@code Accept-Encoding}; a {@code Link} header names the document ({@code self}) and its
 *       WebSub hubs.
 *   <li>Feed pages (home, permalinks): the same, varying on {@code Accept-Encoding}.
 *   <li>Archive pages: a full one, which changes only when an entry in it is edited or deleted,
 *       for the configured archive max-age; the newest, not full yet, for the feed's {@code ttl}.
 *   <li>Deltas ({@code 226 IM Used}): {@code no-store, im}, so that no shared cache takes one
 *       for the feed itself (RFC 3229 §10.5.3).
 *   <li>Lists of all feeds (the index, OPML): one minute.
 *   <li>Problems: {@code no-cache}.
 * </ul>
 */
final class CachePolicy {

    /** What feed documents vary on: their HTML preview is chosen by {@code Accept}. */
    static final String FEED_VARY = "Accept, Accept-Encoding";

    /** What every other document varies on. */
    static final String VARY = "Accept-Encoding";

    /** {@code Cache-Control} of a delta: no cache may store it, and one that knows {@code im} knows why. */
    static final String DELTA = "no-store, im";

    /** {@code Cache-Control} of problems: a cache must ask again before reusing one. */
    static final String PROBLEM = "no-cache";

    private static final String HTML = "text/html; charset=utf-8";
    private static final Duration LIST_MAX_AGE = Duration.ofMinutes(1);

    private final DispatchConfig.Cache cache;
    private final int gzipLevel;
    private final Duration archiveMaxAge;

    /**
     * A policy with the configured stale extensions, gzipping pages at {@code gzipLevel}, keeping
     * full archive pages for {@code archiveMaxAge}.
     */
    CachePolicy(DispatchConfig.Cache cache, int gzipLevel, Duration archiveMaxAge) {
        this.cache = cache;
        this.gzipLevel = gzipLevel;
        this.archiveMaxAge = archiveMaxAge;
    }

    /** A feed document, kept for the feed's {@code ttl}, with its WebSub {@code Link} header. */
    Served feedDocument(Representation r, Duration ttl, String link) {
        return new Served(r, cacheControl(ttl), FEED_VARY, null, link);
    }

    /**
     * An archive page's document: a full one ({@code sealed}) kept for the archive max-age, the
     * newest for the feed's {@code ttl}; its {@code Link} header names it ({@code self}).
     */
    Served archiveDocument(Representation r, boolean sealed, Duration ttl, String self) {
        return new Served(r, cacheControl(sealed ? archiveMaxAge : ttl), VARY, null, "<" + self + ">; rel=\"self\"");
    }

    /** A delta of a feed document, never stored by a cache; the other headers are the full document's. */
    Served delta(Representation r) {
        return new Served(r, DELTA, FEED_VARY);
    }

    /** The HTML page a browser gets at a feed document's URL, kept for the feed's {@code ttl}. */
    Served feedPreview(String html, Instant lastModified, Duration ttl) {
        return page(html, lastModified, ttl, FEED_VARY);
    }

    /** A page of one feed (its home, a permalink), kept for the feed's {@code ttl}. */
    Served feedPage(String html, Instant lastModified, Duration ttl) {
        return page(html, lastModified, ttl, VARY);
    }

    /** A file served from a feed's folder (an image, an enclosure), kept for the feed's {@code ttl}. */
    Served feedFile(Representation r, Duration ttl) {
        return new Served(r, cacheControl(ttl), VARY);
    }

    /** The HTML list of all feeds. */
    Served listPage(String html, Instant lastModified) {
        return page(html, lastModified, LIST_MAX_AGE, VARY);
    }

    /** A list of all feeds in another format (OPML). */
    Served list(Representation r) {
        return new Served(r, cacheControl(LIST_MAX_AGE), VARY);
    }

    private Served page(String html, Instant lastModified, Duration maxAge, String vary) {
        Representation r = Representation.onHeap(html.getBytes(StandardCharsets.UTF_8), HTML, lastModified, gzipLevel);
        return new Served(r, cacheControl(maxAge), vary, PageSecurity.policyFor(html), null);
    }

    private String cacheControl(Duration maxAge) {
        return "public, max-age=" + maxAge.toSeconds()
                + ", stale-while-revalidate=" + cache.staleWhileRevalidate().toSeconds()
                + ", stale-if-error=" + cache.staleIfError().toSeconds();
    }
}
