package dispatch.web;

import dispatch.config.DispatchConfig;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Links;
import dispatch.feed.OpmlRenderer;
import dispatch.feed.PublishedPost;
import dispatch.feed.Representation;
import dispatch.store.Catalog;
import dispatch.store.ContentStore;
import dispatch.store.PublishedFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the site serves, prepared from the store's current catalog: feed documents eagerly,
 * HTML pages on first request. Preparing happens once per catalog; a request only looks up.
 */
@ApplicationScoped
public class Site {

    private static final String HTML = "text/html; charset=utf-8";

    private final ContentStore store;
    private final DispatchConfig config;
    private final Links links;
    private volatile Prepared prepared;

    /** A site serving the store's catalog. */
    public Site(ContentStore store, DispatchConfig config) {
        this.store = store;
        this.config = config;
        this.links = new Links(config.baseUrl());
    }

    /** The links every page and feed is built with. */
    public Links links() {
        return links;
    }

    /** What feed documents vary on: their HTML preview is chosen by {@code Accept}. */
    static final String FEED_VARY = "Accept, Accept-Encoding";

    /** The feed document of feed {@code id} in {@code format}, if the feed exists. */
    Optional<Served> document(String id, FeedFormat format) {
        Map<FeedFormat, Served> docs = current().documents.get(id);
        return docs == null ? Optional.empty() : Optional.ofNullable(docs.get(format));
    }

    /** Whether feed {@code id} is published. */
    boolean hasFeed(String id) {
        return current().catalog.feeds().containsKey(id);
    }

    /** The index page. */
    Served index() {
        Prepared p = current();
        return p.pages.computeIfAbsent("/", k -> {
            List<FeedView> feeds = p.catalog.feeds().values().stream().map(f -> FeedView.of(f.snapshot().definition(), links)).toList();
            Instant updated = p.catalog.feeds().values().stream().map(f -> f.snapshot().updated()).max(Instant::compareTo).orElse(Instant.EPOCH);
            return page(Pages.index(feeds, links.opml()).render(), updated, Duration.ofMinutes(1));
        });
    }

    /** The OPML subscription list of every feed. */
    Served opml() {
        Prepared p = current();
        return p.pages.computeIfAbsent("feeds.opml", k -> {
            List<FeedSnapshot> snapshots = p.catalog.feeds().values().stream().map(PublishedFeed::snapshot).toList();
            Instant updated = snapshots.stream().map(FeedSnapshot::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
            byte[] body = new OpmlRenderer(links).render("Dispatch feeds", snapshots);
            return new Served(Representation.of(body, OpmlRenderer.CONTENT_TYPE, updated, config.gzipLevel()),
                    cacheControl(Duration.ofMinutes(1)));
        });
    }

    /**
     * The HTML page a browser gets at a feed document's URL: the feed's title, its entries and how
     * to subscribe, if the feed exists.
     */
    Optional<Served> preview(String id, FeedFormat format) {
        Prepared p = current();
        return p.catalog.feed(id).map(feed -> p.pages.computeIfAbsent(id + "/" + format.fileName() + " html", k -> {
            FeedSnapshot s = feed.snapshot();
            List<EntryView> entries = s.entries().stream().map(EntryView::of).toList();
            String html = Pages.preview(FeedView.of(s.definition(), links), links.feed(id, format), format.label(), entries).render();
            Representation r = Representation.of(html.getBytes(StandardCharsets.UTF_8), HTML, s.updated(), config.gzipLevel());
            return new Served(r, cacheControl(s.definition().ttl()), FEED_VARY);
        }));
    }

    /** The home page of feed {@code id}, if the feed exists. */
    Optional<Served> feedHome(String id) {
        Prepared p = current();
        return p.catalog.feed(id).map(feed -> p.pages.computeIfAbsent(id + "/", k -> {
            FeedSnapshot s = feed.snapshot();
            List<ArticleView> articles = s.posts().stream().map(ArticleView::of).toList();
            return page(Pages.feed(FeedView.of(s.definition(), links), articles).render(), s.updated(), s.definition().ttl());
        }));
    }

    /** The permalink page of article {@code slug} in feed {@code id}, if both exist. */
    Optional<Served> article(String id, String slug) {
        Prepared p = current();
        Optional<PublishedFeed> feed = p.catalog.feed(id);
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        FeedSnapshot s = feed.get().snapshot();
        Optional<PublishedPost> post = s.posts().stream().filter(pp -> pp.post().slug().equals(slug)).findFirst();
        return post.map(pp -> p.pages.computeIfAbsent(id + "/" + slug, k -> page(
                Pages.article(FeedView.of(s.definition(), links), ArticleView.of(pp)).render(),
                pp.post().updated(), s.definition().ttl())));
    }

    private Served page(String html, Instant lastModified, Duration maxAge) {
        Representation r = Representation.of(html.getBytes(StandardCharsets.UTF_8), HTML, lastModified, config.gzipLevel());
        return new Served(r, cacheControl(maxAge));
    }

    private String cacheControl(Duration maxAge) {
        return "public, max-age=" + maxAge.toSeconds()
                + ", stale-while-revalidate=" + config.cache().staleWhileRevalidate().toSeconds()
                + ", stale-if-error=" + config.cache().staleIfError().toSeconds();
    }

    private Prepared current() {
        Catalog catalog = store.catalog();
        Prepared p = prepared;
        if (p == null || p.catalog != catalog) {
            p = prepare(catalog);
            prepared = p;
        }
        return p;
    }

    private Prepared prepare(Catalog catalog) {
        Map<String, Map<FeedFormat, Served>> documents = new HashMap<>();
        for (PublishedFeed feed : catalog.feeds().values()) {
            String cc = cacheControl(feed.snapshot().definition().ttl());
            Map<FeedFormat, Served> docs = new EnumMap<>(FeedFormat.class);
            feed.documents().forEach((format, r) -> docs.put(format, new Served(r, cc, FEED_VARY)));
            documents.put(feed.id(), docs);
        }
        return new Prepared(catalog, documents);
    }

    /** What is prepared for one catalog. */
    private static final class Prepared {
        final Catalog catalog;
        final Map<String, Map<FeedFormat, Served>> documents;
        final Map<String, Served> pages = new ConcurrentHashMap<>();

        Prepared(Catalog catalog, Map<String, Map<FeedFormat, Served>> documents) {
            this.catalog = catalog;
            this.documents = documents;
        }
    }
}
