package dispatch.web;

import dispatch.feed.FeedFormat;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The routes of feeds made of other feeds: {@code /feeds/<feed>/categories/<category>/} with its
 * documents, and {@code /feeds/all/} with its documents. What is not prepared for the current
 * content yet is rendered on a worker thread, never on the event loop.
 */
final class DerivedRoutes {

    private final Site site;

    DerivedRoutes(Site site) {
        this.site = site;
    }

    /** {@code /feeds/<feed>/categories/<category>/} and its documents, of a feed that is served. */
    void category(RoutingContext ctx, String feed, String category, String name) {
        FeedFormat format = FeedFormat.byFileName(name);
        Supplier<String> missing = () -> "Feed '" + feed + "' has no articles in a category '" + category + "'.";
        if (name.isEmpty()) {
            renderedOnRequest(ctx, render -> site.categoryHome(feed, category, render), missing);
        } else if (format != null) {
            renderedOnRequest(ctx, render -> site.categoryDocument(feed, category, format, render), missing);
        } else {
            FeedRoutes.nothingHere(ctx);
        }
    }

    /** {@code /feeds/all/}, or one of its documents when {@code format} is not null. */
    void combined(RoutingContext ctx, FeedFormat format) {
        if (!FeedRoutes.allowed(ctx)) {
            return;
        }
        if (site.starting()) {
            Problems.starting(ctx, site.startingDetail());
        } else {
            renderedOnRequest(ctx, render -> format == null ? site.combinedHome(render) : site.combinedDocument(format, render), () -> "");
        }
    }

    /**
     * Answers with a document rendered on request (a feed made of others, an archive page): at
     * once when it is prepared for the current content; else rendered on a worker thread first,
     * never on the event loop, and answered back on it.
     */
    static void renderedOnRequest(RoutingContext ctx, Function<Boolean, Served> get, Supplier<String> missing) {
        if (!FeedRoutes.allowed(ctx)) {
            return;
        }
        Served ready = get.apply(false);
        if (ready != null) {
            Responder.send(ctx, ready);
            return;
        }
        ctx.vertx().<Served>executeBlocking(() -> get.apply(true), false).onComplete(done -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            if (done.failed()) {
                ctx.fail(done.cause());
            } else {
                FeedRoutes.serve(ctx, done.result(), missing);
            }
        });
    }
}
