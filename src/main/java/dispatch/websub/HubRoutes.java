package dispatch.websub;

import dispatch.web.HttpClock;
import dispatch.web.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * {@code POST /websub}: the hub's endpoint. Takes {@code application/x-www-form-urlencoded}
 * bodies of at most {@link #MAX_BODY} bytes and answers 202 (a subscription or unsubscription
 * to verify), 204 (a publish ping) or a problem. A GET (someone following a feed's hub link) gets
 * a short page saying what this is; any other method is a 405 problem. With the hub disabled,
 * the path is a 404 like any other.
 */
@ApplicationScoped
public class HubRoutes {

    /** The largest request body taken. */
    static final int MAX_BODY = 16 * 1024;

    private static final Logger LOG = Logger.getLogger(HubRoutes.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>WebSub hub</title></head>
            <body>
            <h1>WebSub hub</h1>
            <p>This is the <a href="https://www.w3.org/TR/websub/">WebSub</a> hub of these feeds. Feed readers and
            aggregators subscribe here to be sent each change of a feed as it is published, instead of polling it.</p>
            <p>Subscribe with a POST of <code>hub.mode=subscribe</code>, <code>hub.topic</code> (a feed's URL) and
            <code>hub.callback</code>; publishers may ping with <code>hub.mode=publish</code>.</p>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private final HubService service;

    /** Routes to {@code service}'s hub. */
    public HubRoutes(HubService service) {
        this.service = service;
    }

    void routes(@Observes Router router) {
        if (service.ownHub().isEmpty()) {
            return;
        }
        router.route("/websub").order(-10).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                problem(ctx, new HubProblem(413, "too-large", "The request body is larger than " + MAX_BODY + " bytes."));
            } else if (ctx.statusCode() == 400) { // Vert.x's form decoder refused the body
                problem(ctx, HubProblem.badRequest("malformed-form", "The form body is not well percent-encoded."));
            } else {
                ctx.next();
            }
        });
        router.route("/websub").handler(this::check);
        router.route("/websub").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY).setHandleFileUploads(false));
        router.route("/websub").handler(this::answer);
    }

    /** Lets on only a POST of a form; answers a GET with a page for people. */
    private void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                    .putHeader("Content-Security-Policy", "default-src 'none'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader(HttpHeaders.DATE, HttpClock.date());
            if (method == HttpMethod.HEAD) {
                ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(PAGE.length)).end();
            } else {
                ctx.response().end(Buffer.buffer(PAGE));
            }
            return;
        }
        if (method != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, POST");
            problem(ctx, new HubProblem(405, "method-not-allowed", "This is a WebSub hub: POST a form with hub.mode, hub.topic and hub.callback."));
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals(FORM)) {
            problem(ctx, new HubProblem(415, "unsupported-media-type", "The hub takes " + FORM + " bodies, not '"
                    + (type == null ? "none" : type) + "'."));
            return;
        }
        ctx.next();
    }

    private void answer(RoutingContext ctx) {
        Hub hub = service.ownHub().orElseThrow();
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        ctx.vertx().<Object>executeBlocking(() -> {
            try {
                return hub.answer(FormBody.parse(body));
            } catch (HubProblem problem) {
                return problem;
            }
        }, false).onComplete(done -> {
            if (done.failed()) {
                LOG.errorf(done.cause(), "Failed to answer %s %s", ctx.request().method(), ctx.request().path());
                ctx.fail(500, done.cause());
            } else if (done.result() instanceof HubProblem problem) {
                problem(ctx, problem);
            } else {
                ctx.response().setStatusCode((Integer) done.result())
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .putHeader(HttpHeaders.DATE, HttpClock.date())
                        .end();
            }
        });
    }

    private static void problem(RoutingContext ctx, HubProblem problem) {
        if (problem.status() == 503) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        Problems.send(ctx, problem.status(), problem.type(), title(problem.status()), problem.detail());
    }

    private static String title(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
