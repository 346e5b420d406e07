package dispatch.web;

import dispatch.feed.FeedFormat;
import dispatch.store.FeedLoader;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The HTTP edge: feed documents (or, for a browser that prefers HTML, a readable preview of
 * them), the OPML list, the index, feed home pages and article permalinks, answered on
 * the event loop from prepared bytes. Feed ids and slugs are only ever looked up in memory, never
 * used as file paths. Anything else is a {@code 404} problem.
 */
@ApplicationScoped
public class FeedRoutes {

    static final String ALLOW = "GET, HEAD";

    private static final String STARTING = "Dispatch has just started and is loading its feeds.";

    /** Marks a request whose feed was published ahead of the first load. */
    private static final String EARLY = "dispatch.early";

    private static final Logger LOG = Logger.getLogger(FeedRoutes.class);

    private final Site site;

    /** Routes serving {@code site}. */
    public FeedRoutes(Site site) {
        this.site = site;
    }

    /** {@code /}: the index page. */
    void index(RoutingContext ctx) {
        if (!allowed(ctx)) {
            return;
        }
        if (site.starting()) {
            Problems.starting(ctx, STARTING + " The list of feeds is not complete yet.");
        } else {
            Responder.send(ctx, site.index());
        }
    }

    /** {@code /feeds.opml}: every feed as an OPML subscription list. */
    void opml(RoutingContext ctx) {
        if (!allowed(ctx)) {
            return;
        }
        if (site.starting()) {
            Problems.starting(ctx, STARTING + " The list of feeds is not complete yet.");
        } else {
            Responder.send(ctx, site.opml());
        }
    }

    /** {@code /feeds/<feed>}: redirects to the feed's home page. */
    void feedWithoutSlash(RoutingContext ctx) {
        String feed = ctx.pathParam("feed");
        boolean starting = site.starting(); // read before the lookup: the first load may end in between
        if (!isName(feed) || !site.hasFeed(feed)) {
            noSuchFeed(ctx, feed, starting, this::feedWithoutSlash);
        } else if (allowed(ctx)) {
            ctx.response().setStatusCode(301).putHeader(HttpHeaders.DATE, HttpClock.date())
                    .putHeader(HttpHeaders.LOCATION, site.links().feedHome(feed)).end();
        }
    }

    /** {@code /feeds/<feed>/}: the feed's home page. */
    void feedHome(RoutingContext ctx) {
        String feed = ctx.pathParam("feed");
        boolean starting = site.starting();
        Served home = isName(feed) ? site.feedHome(feed) : null;
        if (home == null) {
            noSuchFeed(ctx, feed, starting, this::feedHome);
        } else if (allowed(ctx)) {
            Responder.send(ctx, home);
        }
    }

    /**
     * Answers a request for a feed that is not published: 404, unless the first load of the feeds
     * is running ({@code starting}, read before the feed was looked up). Then the feed is
     * published ahead of its turn, off the event loop, and the request handled again by
     * {@code retry} once it is: served if it is a feed, 404 if not.
     */
    private void noSuchFeed(RoutingContext ctx, String feed, boolean starting, Handler<RoutingContext> retry) {
        if (isName(feed) && starting && ctx.get(EARLY) == null) {
            ctx.put(EARLY, Boolean.TRUE);
            ctx.vertx().executeBlocking(() -> {
                site.publishEarly(feed);
                return null;
            }, false).onComplete(done -> {
                if (done.failed()) {
                    ctx.fail(done.cause());
                } else if (!ctx.response().closed()) {
                    retry.handle(ctx);
                }
            });
        } else {
            Problems.notFound(ctx, "There is no feed named '" + feed + "'.");
        }
    }

    /** {@code /feeds/<feed>/rss.xml}, {@code atom.xml}, or an article's permalink page. */
    void feedFile(RoutingContext ctx) {
        String feed = ctx.pathParam("feed");
        String name = ctx.pathParam("name");
        boolean starting = site.starting();
        if (!isName(feed) || !site.hasFeed(feed)) {
            noSuchFeed(ctx, feed, starting, this::feedFile);
            return;
        }
        FeedFormat format = FeedFormat.byFileName(name).orElse(null);
        if (format != null) {
            boolean html = AcceptHeader.prefersHtml(ctx.request().getHeader(HttpHeaders.ACCEPT), format.mediaType());
            serve(ctx, html ? site.preview(feed, format) : site.document(feed, format), () -> "There is no feed named '" + feed + "'.");
        } else {
            serve(ctx, site.article(feed, name), () -> "Feed '" + feed + "' has no article '" + name + "'.");
        }
    }

    /**
     * Registers the routes on Vert.x's router: plain handlers on the event loop, with no CDI
     * request context to activate per request. Every other path is a 404 problem instead of the
     * default page, and a failure while answering any route a 500 problem, logged, instead of
     * Vert.x's bare page.
     */
    void routes(@Observes Router router) {
        router.route("/").handler(this::index);
        router.route("/feeds.opml").handler(this::opml);
        router.route("/feeds/:feed/").handler(this::feedHome);
        router.route("/feeds/:feed").handler(this::feedWithoutSlash);
        router.route("/feeds/:feed/:name").handler(this::feedFile);
        router.route().last().handler(ctx -> Problems.notFound(ctx, "Nothing is published at " + ctx.request().path() + "."));
        router.route().failureHandler(ctx -> {
            if (ctx.response().headWritten()) {
                ctx.request().connection().close();
                return;
            }
            int status = ctx.statusCode();
            if (status >= 400 && status < 500) {
                Problems.send(ctx, status, HttpResponseStatus.valueOf(status).reasonPhrase(), "The request cannot be answered as it is.");
            } else {
                LOG.errorf(ctx.failure(), "Failed to answer %s %s", ctx.request().method(), ctx.request().path());
                Problems.serverError(ctx);
            }
        });
    }

    private static void serve(RoutingContext ctx, Served served, Supplier<String> notFound) {
        if (served == null) {
            Problems.notFound(ctx, notFound.get());
        } else if (allowed(ctx)) {
            Responder.send(ctx, served);
        }
    }

    /** Whether the method is GET or HEAD; otherwise answers 405. */
    private static boolean allowed(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD) {
            return true;
        }
        Problems.methodNotAllowed(ctx, ALLOW);
        return false;
    }

    private static boolean isName(String s) {
        return s != null && FeedLoader.FEED_ID.matcher(s).matches();
    }
}
