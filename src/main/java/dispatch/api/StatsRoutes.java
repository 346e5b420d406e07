package dispatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.config.DispatchConfig;
import dispatch.stats.StatsPage;
import dispatch.stats.StatsReport;
import dispatch.stats.StatsService;
import dispatch.stats.SubscriberStats;
import dispatch.web.HttpClock;
import dispatch.web.PageSecurity;
import dispatch.web.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /stats} (a page for people) and {@code /api/stats} (the same as JSON): subscribers per
 * feed per day, the request mix and the report card. They need a token allowed every feed
 * ({@code Authorization: Bearer <token>}, or Basic with the token as password, which a browser
 * asks for), unless {@code dispatch.stats.open} opens them; with neither, they answer 404.
 */
@ApplicationScoped
public class StatsRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiTokens tokens;
    private final boolean open;
    private final Optional<SubscriberStats> stats;

    /** Routes to {@code service}'s statistics, guarded as {@code config} says. */
    public StatsRoutes(DispatchConfig config, StatsService service) {
        this.tokens = new ApiTokens(config.api());
        this.open = config.stats().open();
        this.stats = service.stats();
    }

    void routes(@Observes Router router) {
        router.route("/stats").order(-30).handler(ctx -> answer(ctx, false));
        router.route("/api/stats").order(-30).handler(ctx -> answer(ctx, true));
    }

    private void answer(RoutingContext ctx, boolean json) {
        if (stats.isEmpty() || !open && !tokens.enabled()) {
            Problems.send(ctx, 404, "urn:dispatch:problem:not-found", "Not Found", "Nothing is published at " + ctx.request().path() + ".");
            return;
        }
        if (!open) {
            switch (tokens.checkEveryFeed(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
                case MISSING, INVALID -> {
                    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"dispatch stats\", charset=\"UTF-8\"");
                    Problems.send(ctx, 401, "urn:dispatch:problem:unauthorized", "Unauthorized",
                            "The statistics need the API token: Authorization: Bearer <token>, or any user name with the token as password.");
                    return;
                }
                case FORBIDDEN -> {
                    Problems.send(ctx, 403, "urn:dispatch:problem:feed-not-allowed", "Forbidden",
                            "The statistics cover every feed: they need a token allowed every feed.");
                    return;
                }
                default -> { }
            }
        }
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Problems.send(ctx, 405, "urn:dispatch:problem:method-not-allowed", "Method Not Allowed", method.name() + " is not allowed here; use GET.");
            return;
        }
        ctx.vertx().<byte[]>executeBlocking(() -> body(json), false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            byte[] body = done.result();
            var response = ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader(HttpHeaders.DATE, HttpClock.date())
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader(HttpHeaders.CONTENT_TYPE, json ? "application/json" : "text/html; charset=utf-8")
                    .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
            if (!json) {
                response.putHeader("Content-Security-Policy", PageSecurity.policyFor(new String(body, StandardCharsets.UTF_8)))
                        .putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "no-referrer");
            }
            if (method == HttpMethod.HEAD) {
                response.end();
            } else {
                response.end(Buffer.buffer(body));
            }
        });
    }

    private byte[] body(boolean json) throws JsonProcessingException {
        Map<String, Object> report = StatsReport.of(stats.get());
        return json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report) : StatsPage.render(report).getBytes(StandardCharsets.UTF_8);
    }
}
