package dispatch.web;

import dispatch.catalog.Catalog;
import dispatch.catalog.CatalogService;
import dispatch.catalog.RenderedFeed;
import dispatch.config.DispatchConfig;
import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Links;
import dispatch.feed.OpmlRenderer;
import dispatch.feed.PublishedPost;
import dispatch.feed.Representation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Everything the site serves, prepared from the store's current catalog. Feed documents are
 * prepared with the catalog; each HTML page is rendered on its first request and then kept until
 * the content changes, so a page too renders once per content change. Every page of a feed
 * carries the feed's {@code Last-Modified}, which the store keeps from moving backwards or into
 * the future.
 */
@ApplicationScoped
public class Site {

    private final CatalogService store;
    private final DispatchConfig config;
    private final Links links;
    private final CachePolicy policy;
    private final RequestMeters meters;
    private final DerivedSite derived;
    private final EntryAssembler media;
    private final ArchiveSite archives;
    private final Deltas deltas;
    private volatile PreparedCatalog prepared;
    private final Map<Representation, Served> warm = new ConcurrentHashMap<>();

    /** A site serving the store's catalog, counting its answers with {@code meters}. */
    public Site(CatalogService store, DispatchConfig config, RequestMeters meters) {
        this.store = store;
        this.meters = meters;
        this.config = config;
        this.links = store.links();
        this.policy = new CachePolicy(config.cache(), config.gzipLevel(), config.history().archiveMaxAge());
        this.derived = new DerivedSite(store.derived(), config.allFeed(), links, policy, meters);
        this.archives = new ArchiveSite(store.history(), links, policy, meters);
        this.deltas = new Deltas(this, store.history(), policy);
        this.media = new EntryAssembler(links);
    }

    /** The feed label of the index and OPML list. */
    static final String SITE = "_site";

    /** The format label of {@code format}: rss, atom or json. */
    static String label(FeedFormat format) {
        return switch (format) {
            case RSS -> "rss";
            case ATOM -> "atom";
            case JSON -> "json";
        };
    }

    /** The links every page and feed is built with. */
    Links links() {
        return links;
    }

    /** The feed document of feed {@code id} in {@code format}, or null when there is no such feed. */
    Served document(String id, FeedFormat format) {
        Map<FeedFormat, Served> docs = current().documents.get(id);
        return docs == null ? null : docs.get(format);
    }

    /**
     * Whether the first load of the feeds is still running: a feed missing now may be served in a
     * moment, and the index and OPML list are not complete yet.
     */
    boolean starting() {
        return !store.loaded();
    }

    /** Why the lists of all feeds cannot be answered yet, for people. */
    String startingDetail() {
        return store.failure().isPresent()
                ? "Dispatch could not load its feeds; its log says why. It serves the feeds it had published."
                : "Dispatch has just started and is loading its feeds. The list of feeds is not complete yet.";
    }

    /**
     * While the first load runs, loads feed {@code id} ahead of its turn, on
     * {@code executor}; the future completes once it is served (or known not to be a feed).
     */
    CompletableFuture<?> loadAhead(String id, Executor executor, boolean documents) {
        return store.loadAhead(id, executor, documents);
    }

    /** The deltas of feed documents (RFC 3229). */
    Deltas deltas() {
        return deltas;
    }

    /**
     * The document of feed {@code id} in {@code format} kept from before the start, while the
     * feed's articles are still being read; null when there is none.
     */
    Served warmDocument(String id, FeedFormat format) {
        if (!starting()) {
            warm.clear();
            return null;
        }
        Representation r = store.live().warmDocuments(id).get(format);
        Duration ttl = store.live().warmTtl(id).orElse(null);
        if (r == null || ttl == null) {
            return null;
        }
        return warm.computeIfAbsent(r, k -> meters.meteredDocument(policy.feedDocument(k, ttl, links.linkHeader(id, format)), id, label(format)));
    }

    /** Feed {@code id} as it is served, or null. */
    RenderedFeed feed(String id) {
        return current().catalog.feeds().get(id);
    }

    /**
     * Archive page {@code number} of feed {@code id} in {@code format}; null when there is none,
     * or when it is not rendered yet and {@code render} is false (rendering blocks).
     */
    Served archiveDocument(String id, int number, FeedFormat format, boolean render) {
        RenderedFeed feed = feed(id);
        return feed == null ? null : archives.document(feed, number, format, render);
    }

    /** The page for people of archive page {@code number} of feed {@code id}; as {@link #archiveDocument}. */
    Served archiveHome(String id, int number, boolean render) {
        RenderedFeed feed = feed(id);
        return feed == null ? null : archives.home(feed, number, render);
    }

    /** Whether feed {@code id} is published. */
    boolean hasFeed(String id) {
        return current().catalog.feeds().containsKey(id);
    }

    /** The index page. */
    Served index() {
        PreparedCatalog p = current();
        return p.page("/", () -> {
            List<FeedView> feeds = p.catalog.feeds().values().stream().map(f -> FeedView.of(f.snapshot().definition(), links)).toList();
            return meters.metered(policy.listPage(Pages.index(feeds, links.opml(), derived.combinedView(p.catalog)).render(), p.lastModified()),
                    SITE, "page");
        });
    }

    /** The OPML subscription list of every feed. */
    Served opml() {
        PreparedCatalog p = current();
        return p.page("/feeds.opml", () -> {
            List<FeedSnapshot> snapshots = p.catalog.feeds().values().stream().map(RenderedFeed::snapshot).toList();
            byte[] body = new OpmlRenderer(links).render("Dispatch feeds", snapshots);
            return meters.metered(policy.list(Representation.onHeap(body, OpmlRenderer.CONTENT_TYPE, p.lastModified(), config.gzipLevel())),
                    SITE, "opml");
        });
    }

    /**
     * The HTML page a browser gets at a feed document's URL: the feed's title, its entries and how
     * to subscribe; null when there is no such feed.
     */
    Served preview(String id, FeedFormat format) {
        PreparedCatalog p = current();
        RenderedFeed feed = p.catalog.feeds().get(id);
        return feed == null ? null : p.page(id + "/" + format.fileName(), () -> {
            FeedSnapshot s = feed.snapshot();
            List<EntryView> entries = s.entries().stream().map(EntryView::of).toList();
            String html = Pages.preview(FeedView.of(s.definition(), links), links.feed(id, format), format.label(), entries).render();
            return meters.metered(policy.feedPreview(html, feed.lastModified(), s.definition().ttl()), id, "page");
        });
    }

    /** The home page of feed {@code id}; null when there is no such feed. */
    Served feedHome(String id) {
        PreparedCatalog p = current();
        RenderedFeed feed = p.catalog.feeds().get(id);
        return feed == null ? null : p.page(id + "/", () -> {
            FeedSnapshot s = feed.snapshot();
            Set<String> current = new HashSet<>();
            s.entries().forEach(e -> current.add(e.id()));
            List<ArticleView> articles = s.posts().stream().filter(pp -> current.contains(pp.id())).map(ArticleView::of).toList();
            String html = Pages.feed(FeedView.of(s.definition(), links), articles, derived.categoryViews(feed), archives.homeNav(feed)).render();
            return meters.metered(policy.feedPage(html, feed.lastModified(), s.definition().ttl()), id, "page");
        });
    }

    /** The permalink page of article {@code slug} in feed {@code id}; null when either does not exist. */
    Served article(String id, String slug) {
        PreparedCatalog p = current();
        RenderedFeed feed = p.catalog.feeds().get(id);
        Map<String, PublishedPost> posts = p.posts.get(id);
        PublishedPost pp = posts == null ? null : posts.get(slug);
        return pp == null ? null : p.page(id + "/" + slug, () -> {
            Map<String, Long> sizes = feed.fileSizes();
            ArticleView view = ArticleView.of(pp, media.image(id, pp.post(), sizes).orElse(null), media.enclosures(id, pp.post(), sizes));
            return meters.metered(policy.feedPage(Pages.article(FeedView.of(feed.snapshot().definition(), links), view).render(),
                    feed.lastModified(), feed.snapshot().definition().ttl()), id, "page");
        });
    }

    /** File {@code name} of feed {@code id}'s folder (its icon, an article's image or enclosure); null when it serves none. */
    Served file(String id, String name) {
        PreparedCatalog p = current();
        RenderedFeed feed = p.catalog.feeds().get(id);
        Representation r = feed == null ? null : feed.files().get(name);
        return r == null ? null : p.page("file:" + id + "/" + name, () -> meters.metered(policy.feedFile(r, feed.snapshot().definition().ttl()), id, "file"));
    }

    /**
     * Category {@code slug}'s document of feed {@code id} in {@code format}; null when there is
     * none, or when it is not rendered yet and {@code render} is false (rendering blocks).
     */
    Served categoryDocument(String id, String slug, FeedFormat format, boolean render) {
        RenderedFeed feed = current().catalog.feeds().get(id);
        return feed == null ? null : derived.categoryDocument(feed, slug, format, render);
    }

    /** Category {@code slug}'s page of feed {@code id}; as {@link #categoryDocument}. */
    Served categoryHome(String id, String slug, boolean render) {
        RenderedFeed feed = current().catalog.feeds().get(id);
        return feed == null ? null : derived.categoryHome(feed, slug, render);
    }

    /** Whether {@code id} names the combined feed of all feeds. */
    boolean isCombined(String id) {
        return derived.isCombined(id, current().catalog);
    }

    /** The combined feed's document in {@code format}; as {@link #categoryDocument}. */
    Served combinedDocument(FeedFormat format, boolean render) {
        return derived.combinedDocument(current().catalog, format, render);
    }

    /** The combined feed's page; as {@link #categoryDocument}. */
    Served combinedHome(boolean render) {
        return derived.combinedHome(current().catalog, render);
    }

    /** What is prepared for the store's current catalog; prepared once per catalog. */
    private PreparedCatalog current() {
        Catalog catalog = store.catalog();
        PreparedCatalog p = prepared;
        if (p != null && p.catalog == catalog) {
            return p;
        }
        synchronized (this) {
            catalog = store.catalog();
            p = prepared;
            if (p == null || p.catalog != catalog) {
                p = new PreparedCatalog(catalog, meters, policy, links);
                prepared = p;
                derived.retain(catalog);
            }
            return p;
        }
    }
}
