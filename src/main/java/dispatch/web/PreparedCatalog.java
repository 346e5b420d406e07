package dispatch.web;

import dispatch.catalog.Catalog;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;
import dispatch.feed.PublishedPost;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What {@link Site} prepares for one catalog: feed documents, a slug index, and pages once rendered. */
final class PreparedCatalog {

    final Catalog catalog;
    final Map<String, Map<FeedFormat, Served>> documents = new HashMap<>();
    final Map<String, Map<String, PublishedPost>> posts = new HashMap<>();
    final Map<String, Served> pages = new ConcurrentHashMap<>();

    PreparedCatalog(Catalog catalog, RequestMeters meters, CachePolicy policy, Links links) {
        this.catalog = catalog;
        for (RenderedFeed feed : catalog.feeds().values()) {
            Duration ttl = feed.snapshot().definition().ttl();
            Map<FeedFormat, Served> docs = new EnumMap<>(FeedFormat.class);
            feed.documents().forEach((format, r) -> docs.put(format, meters.meteredDocument(
                    policy.feedDocument(r, ttl, links.linkHeader(feed.id(), format)), feed.id(), Site.label(format))));
            documents.put(feed.id(), docs);
            Map<String, PublishedPost> bySlug = new HashMap<>();
            feed.snapshot().posts().forEach(pp -> bySlug.put(pp.post().slug(), pp));
            posts.put(feed.id(), bySlug);
        }
    }

    /** The latest {@code Last-Modified} of any feed, for site-wide pages. */
    Instant lastModified() {
        return catalog.feeds().values().stream().map(RenderedFeed::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** The page under {@code key}, rendered by {@code render} the first time it is asked for. */
    Served page(String key, Supplier<Served> render) {
        Served served = pages.get(key);
        if (served == null) {
            served = render.get(); // outside any lock: a rare duplicate render is cheaper than blocking
            Served raced = pages.putIfAbsent(key, served);
            if (raced != null) {
                served = raced;
            }
        }
        return served;
    }
}
