package dispatch.api;

import dispatch.api.ApiProblem.Kind;
import dispatch.catalog.ArticleParsers;
import dispatch.catalog.CatalogService;
import dispatch.config.DispatchConfig;
import dispatch.catalog.FeedSource;
import dispatch.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The publish API's HTTP edge, under {@code /api/feeds}: authenticates each request, reads its
 * body (at most {@code dispatch.max-article-bytes}), runs the {@link Publishing} operation on a
 * worker thread (writes are flushed to disk) and answers, errors as problem details. With no
 * token configured every path here is a {@code 404}.
 */
@ApplicationScoped
public class PublishRoutes {

    private static final Logger LOG = Logger.getLogger(PublishRoutes.class);
    private static final String PREFIX = "/api/feeds/";
    private static final String IMPORT = "/api/import";

    /** What an operation does, given the request. */
    @FunctionalInterface
    private interface Operation {
        ApiResponse run() throws ApiProblem, IOException;
    }

    private final ApiTokens tokens;
    private final Publishing publishing;
    private final CatalogService catalog;
    private final long maxBytes;
    private final Path feedsDir;
    private final MeterRegistry registry;

    /** The API over {@code catalog}'s feeds directory, timing each operation in {@code registry}. */
    public PublishRoutes(DispatchConfig config, CatalogService catalog, MeterRegistry registry) {
        this.registry = registry;
        this.tokens = new ApiTokens(config.api());
        this.catalog = catalog;
        this.maxBytes = config.maxArticleBytes();
        this.feedsDir = config.feedsDir();
        this.publishing = new Publishing(catalog.source(), catalog.live(), new ArticleBodies(ArticleParsers.of(config)), catalog.links(),
                Clock.systemUTC(), config.maxArticleBytes());
    }

    void routes(@Observes Router router) {
        router.route("/api/*").order(-10).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                send(ctx, new ApiProblem(Kind.TOO_LARGE, "The body is larger than " + maxBytes + " bytes (dispatch.max-article-bytes)."));
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").handler(this::authenticate);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBytes).setHandleFileUploads(false));
        router.route("/api/*").handler(this::dispatch);
    }

    /** Lets a request on only with a token allowed its feed; a 404 for all when no token is configured. */
    private void authenticate(RoutingContext ctx) {
        if (!tokens.enabled()) {
            send(ctx, new ApiProblem(Kind.NOT_FOUND, "Nothing is published at " + ctx.request().path() + "."));
            return;
        }
        String[] path = segments(ctx);
        String feed = path.length > 0 ? path[0] : null;
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        switch (ctx.normalizedPath().equals(IMPORT) ? tokens.checkEveryFeed(authorization) : tokens.check(authorization, feed)) {
            case MISSING -> send(ctx, new ApiProblem(Kind.UNAUTHORIZED, "Send Authorization: Bearer <token>.")
                    .with("WWW-Authenticate", "Bearer realm=\"dispatch\""));
            case INVALID -> send(ctx, new ApiProblem(Kind.UNAUTHORIZED, "The bearer token is not one Dispatch knows.")
                    .with("WWW-Authenticate", "Bearer realm=\"dispatch\", error=\"invalid_token\""));
            case FORBIDDEN -> send(ctx, new ApiProblem(Kind.FEED_NOT_ALLOWED, "This token may not change feed '" + feed + "'."));
            case ALLOWED -> ctx.next();
            default -> throw new IllegalStateException();
        }
    }

    /** Picks the operation by path shape and method. */
    private void dispatch(RoutingContext ctx) {
        String[] path = segments(ctx);
        HttpMethod method = ctx.request().method();
        String feed = path.length > 0 ? path[0] : null;
        if (!catalog.loaded()) {
            send(ctx, new ApiProblem(Kind.NOT_READY, "Dispatch is still loading its feeds; try again in a second.").with("Retry-After", "1"));
        } else if (ctx.normalizedPath().equals(IMPORT)) {
            on(ctx, method, "POST", Map.of(HttpMethod.POST, () -> publishing.importFeeds(feedsDir)));
        } else if (path.length == 1) {
            on(ctx, method, "GET, HEAD, PUT, DELETE", Map.of(
                    HttpMethod.GET, () -> publishing.getFeed(feed),
                    HttpMethod.HEAD, () -> publishing.getFeed(feed),
                    HttpMethod.PUT, () -> publishing.putFeed(feed, contentType(ctx), body(ctx), header(ctx, "If-Match"), header(ctx, "If-None-Match")),
                    HttpMethod.DELETE, () -> publishing.deleteFeed(feed, header(ctx, "If-Match"))));
        } else if (path.length == 2 && path[1].equals("articles")) {
            on(ctx, method, "GET, HEAD, POST", Map.of(
                    HttpMethod.GET, () -> publishing.listArticles(feed),
                    HttpMethod.HEAD, () -> publishing.listArticles(feed),
                    HttpMethod.POST, () -> publishing.createArticle(feed, contentType(ctx), body(ctx), header(ctx, "Slug"))));
        } else if (path.length == 3 && path[1].equals("articles")) {
            String slug = path[2];
            on(ctx, method, "GET, HEAD, PUT, DELETE", Map.of(
                    HttpMethod.GET, () -> publishing.getArticle(feed, slug),
                    HttpMethod.HEAD, () -> publishing.getArticle(feed, slug),
                    HttpMethod.PUT, () -> publishing.putArticle(feed, slug, contentType(ctx), body(ctx), header(ctx, "If-Match"),
                            header(ctx, "If-None-Match")),
                    HttpMethod.DELETE, () -> publishing.deleteArticle(feed, slug, header(ctx, "If-Match"))));
        } else {
            send(ctx, new ApiProblem(Kind.NOT_FOUND, "Nothing is published at " + ctx.request().path() + "."));
        }
    }

    /** Runs the operation for {@code method} on a worker thread and answers; 405 for another method. */
    private void on(RoutingContext ctx, HttpMethod method, String allow, Map<HttpMethod, Operation> operations) {
        Operation operation = operations.get(method);
        if (operation == null) {
            send(ctx, new ApiProblem(Kind.METHOD_NOT_ALLOWED, method.name() + " is not allowed here; use " + allow + ".").with("Allow", allow));
            return;
        }
        long start = System.nanoTime();
        ctx.vertx().<Object>executeBlocking(() -> {
            try {
                return operation.run();
            } catch (ApiProblem problem) {
                return problem;
            }
        }, false).onComplete(done -> {
            Timer.builder("dispatch.publish").description("Publish API operations, from request to durable and served, by method and outcome")
                    .tags("method", method.name(), "outcome", done.succeeded() && !(done.result() instanceof ApiProblem) ? "ok" : "refused")
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (done.failed()) {
                Throwable failure = done.cause();
                if (failure instanceof FeedSource.UnavailableException e) {
                    LOG.warnf("Refused %s %s: %s", method, ctx.request().path(), e.getMessage());
                    send(ctx, new ApiProblem(Kind.NOT_READY, "The database cannot be reached, so nothing was changed; this replica still serves "
                            + "what it has. Try again shortly.").with("Retry-After", "5"));
                } else if (failure instanceof IOException e && String.valueOf(e.getMessage()).contains("No space left")) {
                    send(ctx, new ApiProblem(Kind.NO_SPACE, "The disk is full: nothing was changed."));
                } else {
                    LOG.errorf(failure, "Failed to answer %s %s", method, ctx.request().path());
                    ctx.fail(500, failure);
                }
            } else if (done.result() instanceof ApiProblem problem) {
                send(ctx, problem);
            } else {
                send(ctx, (ApiResponse) done.result());
            }
        });
    }

    private static void send(RoutingContext ctx, ApiResponse answer) {
        HttpServerResponse response = prepare(ctx, answer.status());
        answer.headers().forEach(response::putHeader);
        if (answer.contentType() == null) {
            response.end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType())
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(answer.body().length));
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(Buffer.buffer(answer.body()));
        }
    }

    /** Sends {@code problem} as {@code application/problem+json}, with its headers. */
    static void send(RoutingContext ctx, ApiProblem problem) {
        problem.headers().forEach(ctx.response()::putHeader);
        Problems.send(ctx, problem.kind().status, problem.kind().type(), problem.kind().title, problem.getMessage());
    }

    private static HttpServerResponse prepare(RoutingContext ctx, int status) {
        return ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.DATE, dispatch.web.HttpClock.date());
    }

    /** The path's segments after {@code /api/feeds/}; none when it does not start so. */
    private static String[] segments(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return new String[0];
        }
        String rest = path.substring(PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.split("/", -1);
    }

    private static String header(RoutingContext ctx, String name) {
        return ctx.request().getHeader(name);
    }

    private static String contentType(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    }

    private static byte[] body(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }
}
