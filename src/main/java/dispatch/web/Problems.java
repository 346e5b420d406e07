package dispatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Error responses as RFC 9457 problem details ({@code application/problem+json}). */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Problems sent with a 4xx status, and with a 5xx. */
    private static final LongAdder CLIENT_ERRORS = new LongAdder();
    private static final LongAdder SERVER_ERRORS = new LongAdder();

    /** How many problems of status class {@code hundreds} (4 or 5) were sent. */
    static double count(int hundreds) {
        return (hundreds == 4 ? CLIENT_ERRORS : SERVER_ERRORS).sum();
    }

    private Problems() {
    }

    /** 404: nothing is published at the request's path. */
    static void notFound(RoutingContext ctx, String detail) {
        send(ctx, 404, "Not Found", detail);
    }

    /**
     * 503: Dispatch has just started and is still loading its feeds; asks to come back in a
     * second ({@code Retry-After}). Never cached: a cache keeping it would hide the feed.
     */
    static void starting(RoutingContext ctx, String detail) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
        send(ctx, 503, "Service Unavailable", detail);
    }

    /** 429: a client fetched again too soon without validators; {@code Retry-After} says when it may. */
    static void tooSoon(RoutingContext ctx, long retryAfterSeconds, String detail) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        send(ctx, 429, "Too Many Requests", detail);
    }

    /** 500: something failed while answering; the detail does not expose internals. */
    static void serverError(RoutingContext ctx) {
        send(ctx, 500, "Internal Server Error", "Dispatch failed to answer this request; the failure is logged.");
    }

    /** 405: the path exists but only answers the {@code allowed} methods. */
    static void methodNotAllowed(RoutingContext ctx, String allowed) {
        ctx.response().putHeader(HttpHeaders.ALLOW, allowed);
        send(ctx, 405, "Method Not Allowed", ctx.request().method().name() + " is not allowed here; use " + allowed + ".");
    }

    /** Sends a problem with {@code status}, its {@code title} and a {@code detail} for people. */
    static void send(RoutingContext ctx, int status, String title, String detail) {
        send(ctx, status, "about:blank", title, detail);
    }

    /** Sends a problem of {@code type} (a URI) with {@code status}, its {@code title} and a {@code detail} for people. */
    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        if (status >= 500) {
            SERVER_ERRORS.increment();
        } else if (status >= 400) {
            CLIENT_ERRORS.increment();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", ctx.request().path());
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.DATE, HttpClock.date())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.PROBLEM)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(PageSecurity.CONTENT_SECURITY_POLICY, PageSecurity.NOTHING_ALLOWED)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
        if (ctx.request().method() == io.vertx.core.http.HttpMethod.HEAD) {
            ctx.response().end();
        } else {
            ctx.response().end(io.vertx.core.buffer.Buffer.buffer(body));
        }
    }
}
