package dispatch.web;

import dispatch.catalog.HistoryDocuments;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.ArchivePage;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Links;
import dispatch.feed.Representation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feed's archive pages (RFC 5005 §4) and the pages for people that mirror them: each rendered
 * on request on a worker thread, then kept, within a memory budget, as long as what it publishes
 * does not change ({@link ArchivePage#print}). Pages for people carry links that change as pages
 * are added, so they are cached for the feed's {@code ttl}, not as long as full archive pages.
 */
final class ArchiveSite {

    /** How many bytes of archive pages are kept rendered. */
    private static final long KEPT_BYTES = 32L * 1024 * 1024;

    private final HistoryDocuments rendering;
    private final Links links;
    private final CachePolicy policy;
    private final RequestMeters meters;
    private final RecentServed<String, Served> kept = new RecentServed<>(KEPT_BYTES, RecentServed::weight);

    ArchiveSite(HistoryDocuments rendering, Links links, CachePolicy policy, RequestMeters meters) {
        this.rendering = rendering;
        this.links = links;
        this.policy = policy;
        this.meters = meters;
    }

    /**
     * Archive page {@code number} of {@code feed} in {@code format}; null when there is no such
     * page, or when it is not rendered for this version of the feed yet and {@code render} is
     * false (rendering blocks: never on the event loop).
     */
    Served document(RenderedFeed feed, int number, FeedFormat format, boolean render) {
        String key = key(feed, number, format.fileName());
        if (key == null) {
            return null;
        }
        Served served = kept.get(key);
        if (served != null || !render) {
            return served;
        }
        Representation r = rendering.archive(feed, number, format).orElse(null);
        if (r == null) {
            return null;
        }
        boolean sealed = feed.snapshot().archives().get(number - 1).sealed();
        served = meters.metered(policy.archiveDocument(r, sealed, feed.snapshot().definition().ttl(), links.archive(feed.id(), number, format)),
                feed.id(), "archive");
        kept.put(key, served);
        return served;
    }

    /**
     * What page {@code number} of {@code feed} is kept under as {@code what}: its feed, number and
     * print, and the feed's definition, so that a page whose content did not change stays kept
     * when the feed changes; null when there is no such page.
     */
    private static String key(RenderedFeed feed, int number, String what) {
        List<ArchivePage> pages = feed.snapshot().archives();
        if (number < 1 || number > pages.size()) {
            return null;
        }
        ArchivePage page = pages.get(number - 1);
        return feed.id() + "/" + number + "/" + what + "/" + page.sealed() + "/" + Long.toHexString(page.print()) + "/"
                + Integer.toHexString(feed.snapshot().definition().hashCode());
    }

    /** The page for people of archive page {@code number} of {@code feed}; as {@link #document}. */
    Served home(RenderedFeed feed, int number, boolean render) {
        String key = key(feed, number, "page");
        if (key == null) {
            return null;
        }
        Served served = kept.get(key);
        if (served != null || !render) {
            return served;
        }
        List<ArchivePage> pages = feed.snapshot().archives();
        ArchivePage page = pages.get(number - 1);
        FeedSnapshot s = feed.snapshot();
        Set<String> ids = new HashSet<>(page.ids());
        List<ArticleView> articles = s.posts().stream().filter(pp -> ids.contains(pp.id())).map(ArticleView::of).toList();
        PageNav nav = new PageNav("Older articles, page " + number,
                number < pages.size() ? links.archiveHome(feed.id(), number + 1) : links.feedHome(feed.id()),
                number > 1 ? links.archiveHome(feed.id(), number - 1) : null);
        String html = Pages.feed(FeedView.of(s.definition(), links), articles, List.of(), nav).render();
        served = meters.metered(policy.feedPage(html, feed.lastModified(), s.definition().ttl()), feed.id(), "page");
        kept.put(key, served);
        return served;
    }

    /** The links from a feed's home page to its older pages. */
    PageNav homeNav(RenderedFeed feed) {
        int pages = feed.snapshot().archives().size();
        return new PageNav(null, null, pages > 0 ? links.archiveHome(feed.id(), pages) : null);
    }
}
