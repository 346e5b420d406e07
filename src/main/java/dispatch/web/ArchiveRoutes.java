package dispatch.web;

import dispatch.feed.FeedFormat;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * The routes of a feed's archive pages (RFC 5005): {@code /feeds/<feed>/archive/<n>/}, the page
 * for people, and its documents. Each is rendered on a worker thread the first time it is asked
 * for after the feed changed, never on the event loop.
 */
final class ArchiveRoutes {

    private ArchiveRoutes() {
    }

    /** Archive page {@code page} of {@code feed}, a feed that is served: its page when {@code name} is empty, else its document. */
    static void archive(RoutingContext ctx, Site site, String feed, String page, String name) {
        int number = pageNumber(page);
        FeedFormat format = FeedFormat.byFileName(name);
        Supplier<String> missing = () -> "Feed '" + feed + "' has no archive page " + page + ".";
        if (number == 0 || !name.isEmpty() && format == null) {
            FeedRoutes.nothingHere(ctx);
        } else if (format == null) {
            DerivedRoutes.renderedOnRequest(ctx, render -> site.archiveHome(feed, number, render), missing);
        } else {
            DerivedRoutes.renderedOnRequest(ctx, render -> site.archiveDocument(feed, number, format, render), missing);
        }
    }

    /** The number a path segment names, as written in links (from 1, no leading zero), or 0. */
    static int pageNumber(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || segment.charAt(0) == '0') {
            return 0;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return 0;
            }
        }
        return Integer.parseInt(segment);
    }
}
