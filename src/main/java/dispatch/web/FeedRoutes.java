package dispatch.web;

import dispatch.config.DispatchConfig;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedId;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The HTTP edge: feed documents (or, for a browser that prefers HTML, a readable preview of
 * them), the OPML list, the index, feed home pages and article permalinks, answered on
 * the event loop from prepared bytes. Feed ids and slugs are only ever looked up in memory, never
 * used as file paths. Anything else is a {@code 404} problem. While the feeds are loading after a
 * start, a feed not loaded yet is published ahead of its turn (off the event loop) before it is
 * answered, and the lists of all feeds are a {@code 503} problem with {@code Retry-After}.
 */
@ApplicationScoped
public class FeedRoutes {

    static final String ALLOW = "GET, HEAD";

    private static final String FEEDS = "/feeds/";

    /** Marks a request already handled again after its feed was published ahead of the first load. */
    private static final String RETRIED = "dispatch.retried";

    private static final Logger LOG = Logger.getLogger(FeedRoutes.class);

    private final Site site;
    private final DerivedRoutes derivedRoutes;
    private final PollingPolicy polling;
    private final Deltas deltas;

    /** Routes serving {@code site}, with the polite polling policy {@code config} sets (if any). */
    public FeedRoutes(Site site, DispatchConfig config) {
        this.site = site;
        this.derivedRoutes = new DerivedRoutes(site);
        this.polling = config.polling().minInterval().map(min -> new PollingPolicy(min, config.polling().maxClients())).orElse(null);
        this.deltas = config.history().deltaVersions() > 0 ? site.deltas() : null;
    }

    /** {@code /}: the index page. */
    void index(RoutingContext ctx) {
        listOfAllFeeds(ctx, site::index);
    }

    /** {@code /feeds.opml}: every feed as an OPML subscription list. */
    void opml(RoutingContext ctx) {
        listOfAllFeeds(ctx, site::opml);
    }

    /** Sends a page listing every feed, or a 503 problem while the list is not complete yet. */
    private void listOfAllFeeds(RoutingContext ctx, Supplier<Served> list) {
        if (!allowed(ctx)) {
            return;
        }
        if (site.starting()) {
            Problems.starting(ctx, site.startingDetail());
        } else {
            Responder.send(ctx, list.get());
        }
    }

    /**
     * Everything under {@code /feeds/}: {@code /feeds/<feed>}, {@code /feeds/<feed>/},
     * {@code /feeds/<feed>/<name>}, {@code /feeds/<feed>/categories/<category>/} and
     * {@code /feeds/<feed>/categories/<category>/<name>}, told apart by their slashes. One plain
     * handler rather than a route per shape: the router would match each path against every
     * shape's regular expression and decode its parameters, on every request.
     */
    void feeds(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        int start = FEEDS.length();
        if (path.length() <= start || !path.startsWith(FEEDS)) {
            nothingHere(ctx);
            return;
        }
        String[] parts = path.substring(start).split("/", -1);
        if (parts.length == 1) {
            feedWithoutSlash(ctx, parts[0]);
        } else if (parts.length == 2 && parts[1].isEmpty()) {
            feedHome(ctx, parts[0]);
        } else if (parts.length == 2) {
            feedFile(ctx, parts[0], parts[1]);
        } else if (parts.length == 4 && parts[1].equals("categories") && !parts[2].isEmpty()) {
            category(ctx, parts[0], parts[2], parts[3]);
        } else if (parts.length == 4 && parts[1].equals("archive") && !parts[2].isEmpty()) {
            archive(ctx, parts[0], parts[2], parts[3]);
        } else {
            nothingHere(ctx);
        }
    }

    /** {@code /feeds/<feed>/categories/<category>/} and its documents. */
    private void category(RoutingContext ctx, String feed, String category, String name) {
        if (!FeedId.isValid(feed) || !site.hasFeed(feed)) {
            noSuchFeed(ctx, feed, () -> category(ctx, feed, category, name));
        } else {
            derivedRoutes.category(ctx, feed, category, name);
        }
    }

    /** {@code /feeds/<feed>/archive/<n>/} and its documents. */
    private void archive(RoutingContext ctx, String feed, String page, String name) {
        if (!FeedId.isValid(feed) || !site.hasFeed(feed)) {
            noSuchFeed(ctx, feed, () -> archive(ctx, feed, page, name));
        } else {
            ArchiveRoutes.archive(ctx, site, feed, page, name);
        }
    }

    /** {@code /feeds/<feed>}: redirects to the feed's home page. */
    private void feedWithoutSlash(RoutingContext ctx, String feed) {
        if ((!FeedId.isValid(feed) || !site.hasFeed(feed)) && !site.isCombined(feed)) {
            noSuchFeed(ctx, feed, () -> feedWithoutSlash(ctx, feed));
        } else if (allowed(ctx)) {
            ctx.response().setStatusCode(301).putHeader(HttpHeaders.DATE, HttpClock.date())
                    .putHeader(HttpHeaders.LOCATION, site.links().feedHome(feed)).end();
        }
    }

    /** {@code /feeds/<feed>/}: the feed's home page. */
    private void feedHome(RoutingContext ctx, String feed) {
        if (site.isCombined(feed)) {
            derivedRoutes.combined(ctx, null);
            return;
        }
        Served home = FeedId.isValid(feed) ? site.feedHome(feed) : null;
        if (home == null) {
            noSuchFeed(ctx, feed, () -> feedHome(ctx, feed));
        } else if (allowed(ctx)) {
            Responder.send(ctx, home);
        }
    }

    /** {@code /feeds/<feed>/rss.xml}, {@code atom.xml}, {@code feed.json}, a file of the feed's folder, or an article's permalink page. */
    private void feedFile(RoutingContext ctx, String feed, String name) {
        FeedFormat format = FeedFormat.byFileName(name);
        if (format != null && site.isCombined(feed)) {
            derivedRoutes.combined(ctx, format);
            return;
        }
        boolean html = format != null && AcceptHeader.prefersHtml(ctx.request().getHeader(HttpHeaders.ACCEPT), format.mediaType());
        boolean document = format != null && !html;
        if (!FeedId.isValid(feed) || !site.hasFeed(feed)) {
            Served warm = document && FeedId.isValid(feed) ? site.warmDocument(feed, format) : null;
            if (warm != null && (polling == null || !polling.refused(ctx))) {
                serve(ctx, warm, () -> ""); // kept from before the start: served while the feed's articles are read
            } else if (!ctx.response().ended()) {
                noSuchFeed(ctx, feed, () -> feedFile(ctx, feed, name), document);
            }
            return;
        }
        if (format != null) {
            if (document && polling != null && polling.refused(ctx)) {
                return;
            }
            if (document && deltas != null && deltas.answer(ctx, feed, format)) {
                return;
            }
            serve(ctx, html ? site.preview(feed, format) : site.document(feed, format), () -> "There is no feed named '" + feed + "'.");
        } else {
            Served file = site.file(feed, name);
            serve(ctx, file != null ? file : site.article(feed, name), () -> "Feed '" + feed + "' has no article '" + name + "'.");
        }
    }

    /**
     * Answers a request for a feed that is not published: 404, unless the first load of the feeds
     * is running. Then the feed is published ahead of its turn on a worker thread (or, if the load
     * or another request has claimed it, awaited), and the request handled again by {@code retry}
     * on its event loop once it is: served if it is a feed, 404 if not. The load is checked after
     * the lookup failed, so a feed published as the load ended is found on the retry.
     */
    private void noSuchFeed(RoutingContext ctx, String feed, Runnable retry) {
        noSuchFeed(ctx, feed, retry, false);
    }

    /**
     * As {@link #noSuchFeed(RoutingContext, String, Runnable)}; for a feed document
     * ({@code documents}), documents kept from before the start, while they are read back, do.
     */
    private void noSuchFeed(RoutingContext ctx, String feed, Runnable retry, boolean documents) {
        if (FeedId.isValid(feed) && ctx.get(RETRIED) == null && (site.starting() || site.hasFeed(feed))) {
            ctx.put(RETRIED, Boolean.TRUE);
            Context context = ctx.vertx().getOrCreateContext();
            Executor worker = task -> {
                var queued = context.executeBlocking(() -> {
                    task.run();
                    return null;
                }, false);
                if (queued.failed()) { // Vert.x reports a full worker queue in the future it returns
                    throw new RejectedExecutionException("no worker for feed " + feed, queued.cause());
                }
            };
            site.loadAhead(feed, worker, documents).whenComplete((published, failure) -> context.runOnContext(v -> {
                if (ctx.response().closed() || ctx.response().ended()) {
                    return;
                }
                if (failure != null) {
                    ctx.fail(failure);
                    return;
                }
                try {
                    retry.run();
                } catch (RuntimeException | Error e) { // outside the router now: its failure handler answers
                    ctx.fail(e);
                }
            }));
        } else {
            Problems.notFound(ctx, "There is no feed named '" + feed + "'.");
        }
    }

    static void nothingHere(RoutingContext ctx) {
        Problems.notFound(ctx, "Nothing is published at " + ctx.request().path() + ".");
    }

    /**
     * Registers the routes on Vert.x's router: plain handlers on the event loop, with no CDI
     * request context to activate per request. Every request's {@code Host} is checked first.
     * Every other path is a 404 problem instead of the default page, and a failure while
     * answering any route a 500 problem, logged, instead of Vert.x's bare page.
     */
    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HostHeader::check);
        router.route("/").handler(this::index);
        router.route("/feeds.opml").handler(this::opml);
        router.route("/feeds/*").handler(this::feeds);
        router.route().last().handler(FeedRoutes::nothingHere);
        router.route().failureHandler(ctx -> {
            if (ctx.response().headWritten() || ctx.failure() instanceof HttpClosedException) {
                ctx.request().connection().close(); // the client went away: nothing to answer, nothing to log
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

    static void serve(RoutingContext ctx, Served served, Supplier<String> notFound) {
        if (served == null) {
            Problems.notFound(ctx, notFound.get());
        } else if (allowed(ctx)) {
            Responder.send(ctx, served);
        }
    }

    /** Whether the method is GET or HEAD; otherwise answers 405. */
    static boolean allowed(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD) {
            return true;
        }
        Problems.methodNotAllowed(ctx, ALLOW);
        return false;
    }
}
