package dispatch.web;

import dispatch.catalog.Catalog;
import dispatch.catalog.DerivedFeeds;
import dispatch.catalog.RenderedFeed;
import dispatch.config.DispatchConfig;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Links;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the site serves of feeds made of other feeds: each category feed of a feed, with its page,
 * and the combined feed of all feeds. Each is rendered on its first request after the feed (or,
 * for the combined feed, the catalog) it is made of changed, on a worker thread, then kept:
 * rendered once per change, served with the same caching contract as any feed. They carry a {@code Link: rel="self"} but
 * no hub.
 */
final class DerivedSite {

    /** A derived feed's documents and page, and what they were made from. */
    private record Prepared(Object source, Map<FeedFormat, Served> documents, Served home, FeedSnapshot snapshot) {
    }

    private final DerivedFeeds derived;
    private final DispatchConfig.AllFeed all;
    private final Links links;
    private final CachePolicy policy;
    private final RequestMeters meters;
    private final Map<String, Prepared> categories = new ConcurrentHashMap<>();
    private volatile Prepared combined;

    DerivedSite(DerivedFeeds derived, DispatchConfig.AllFeed all, Links links, CachePolicy policy, RequestMeters meters) {
        this.meters = meters;
        this.derived = derived;
        this.all = all;
        this.links = links;
        this.policy = policy;
    }

    /** The views of {@code feed}'s category feeds, for its page. */
    List<FeedView> categoryViews(RenderedFeed feed) {
        return DerivedFeeds.categories(feed).entrySet().stream()
                .map(c -> FeedView.of(derived.categoryDefinition(feed, c.getKey(), c.getValue()), links)).toList();
    }

    /**
     * The document of category {@code slug} of {@code feed} in {@code format}, or null when its
     * articles use no such category, or when it is not rendered for this version of the feed yet
     * and {@code render} is false (rendering blocks: never on the event loop).
     */
    Served categoryDocument(RenderedFeed feed, String slug, FeedFormat format, boolean render) {
        return category(feed, slug, render).map(p -> p.documents.get(format)).orElse(null);
    }

    /** The page of category {@code slug} of {@code feed}, or null; as {@link #categoryDocument}. */
    Served categoryHome(RenderedFeed feed, String slug, boolean render) {
        return category(feed, slug, render).map(Prepared::home).orElse(null);
    }

    /** Forgets what was rendered for feeds {@code catalog} no longer serves as they were. */
    void retain(Catalog catalog) {
        categories.values().removeIf(p -> !catalog.feeds().containsValue((RenderedFeed) p.source));
    }

    /** Whether {@code /feeds/<id>/} is the combined feed: it is enabled and no feed has its name. */
    boolean isCombined(String id, Catalog catalog) {
        return all.enabled() && DerivedFeeds.ALL.equals(id) && !catalog.feeds().containsKey(id);
    }

    /** The view of the combined feed, for the index; null when there is none. */
    FeedView combinedView(Catalog catalog) {
        if (!isCombined(DerivedFeeds.ALL, catalog)) {
            return null;
        }
        String id = DerivedFeeds.ALL;
        return new FeedView(id, all.title(), "Every feed of this site, newest first", "en", links.feedHome(id), links.feed(id, FeedFormat.RSS),
                links.feed(id, FeedFormat.ATOM), links.feed(id, FeedFormat.JSON), links.index());
    }

    /** The combined feed's document in {@code format}; null when not rendered for this catalog yet and {@code render} is false. */
    Served combinedDocument(Catalog catalog, FeedFormat format, boolean render) {
        Prepared p = combined(catalog, render);
        return p == null ? null : p.documents.get(format);
    }

    /** The combined feed's page; as {@link #combinedDocument}. */
    Served combinedHome(Catalog catalog, boolean render) {
        Prepared p = combined(catalog, render);
        return p == null ? null : p.home;
    }

    private Optional<Prepared> category(RenderedFeed feed, String slug, boolean render) {
        String key = feed.id() + "/" + slug;
        Prepared p = categories.get(key);
        if (p != null && p.source == feed) {
            return Optional.of(p);
        }
        if (!render) {
            return Optional.empty();
        }
        Optional<RenderedFeed> rendered = derived.category(feed, slug);
        if (rendered.isEmpty()) {
            categories.remove(key);
            return Optional.empty();
        }
        Prepared made = prepare(feed, rendered.get(), feed.id(), "category");
        categories.put(key, made);
        return Optional.of(made);
    }

    private Prepared combined(Catalog catalog, boolean render) {
        Prepared p = combined;
        if ((p == null || p.source != catalog) && !render) {
            return null;
        }
        if (p == null || p.source != catalog) {
            p = prepare(catalog, derived.combined(catalog, all.title(), all.limit()), "_all", null);
            combined = p;
        }
        return p;
    }

    /** Prepares {@code rendered}, counted under {@code feed} as {@code format} (or, when null, as its own formats). */
    private Prepared prepare(Object source, RenderedFeed rendered, String feed, String format) {
        FeedSnapshot s = rendered.snapshot();
        Map<FeedFormat, Served> docs = new EnumMap<>(FeedFormat.class);
        rendered.documents().forEach((f, r) -> docs.put(f, meters.metered(policy.feedDocument(r, s.definition().ttl(),
                "<" + links.feed(s.id(), f) + ">; rel=\"self\""), feed, format != null ? format : Site.label(f))));
        List<ArticleView> articles = s.posts().stream().map(ArticleView::of).toList();
        Served home = meters.metered(policy.feedPage(Pages.feed(FeedView.of(s.definition(), links), articles, List.of(), new PageNav(null, null, null)).render(),
                rendered.lastModified(), s.definition().ttl()), feed, "page");
        return new Prepared(source, docs, home, s);
    }
}
