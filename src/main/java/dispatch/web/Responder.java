package dispatch.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers GET and HEAD from a prepared representation under Dispatch's caching contract: picks
 * the gzip or identity body, evaluates the preconditions, and writes 200 or 304 with the
 * validators, {@code Cache-Control}, {@code Vary} and {@code nosniff}, and for HTML pages their
 * {@link PageSecurity} headers.
 */
final class Responder {

    private static final Logger LOG = Logger.getLogger(Responder.class);

    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    private static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence IM = HttpHeaders.createOptimized("IM");
    private static final CharSequence FEED = HttpHeaders.createOptimized("feed");

    private Responder() {
    }

    /** Sends {@code served}; the caller has checked the method is GET or HEAD. */
    static void send(RoutingContext ctx, Served served) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        MultiMap in = request.headers();
        boolean gzip = served.compressible && AcceptEncoding.allowsGzip(in.get(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? served.gzipEtag : served.etag;
        String ifNoneMatch = in.get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.equals(etag)) {
            List<String> lines = in.getAll(HttpHeaders.IF_NONE_MATCH);
            if (lines.size() > 1) {
                ifNoneMatch = String.join(", ", lines); // one list, however many field lines (RFC 9110 §5.3)
            }
        }
        String ifModifiedSince = ifNoneMatch == null ? in.get(HttpHeaders.IF_MODIFIED_SINCE) : null;
        MultiMap out = response.headers();
        out.add(HttpHeaders.DATE, HttpClock.date());
        out.add(HttpHeaders.ETAG, gzip ? served.gzipEtagHeader : served.etagHeader);
        out.add(HttpHeaders.LAST_MODIFIED, served.lastModifiedHeader);
        out.add(HttpHeaders.CACHE_CONTROL, served.cacheControl);
        out.add(HttpHeaders.VARY, served.vary);
        if (served.pagePolicy != null) {
            out.add(PageSecurity.CONTENT_SECURITY_POLICY, served.pagePolicy);
            out.add(PageSecurity.X_FRAME_OPTIONS, PageSecurity.DENY);
            out.add(PageSecurity.REFERRER_POLICY, PageSecurity.STRICT_ORIGIN);
        }
        boolean notModified = ifModifiedSince != null && ifModifiedSince.equals(served.lastModified)
                // the client echoes our own Last-Modified: no date to parse
                || Preconditions.notModified(ifNoneMatch, ifModifiedSince, etag, served.representation.lastModified(), HttpClock.now());
        ServedMeters meters = served.meters;
        if (meters != null && meters.stats != null) {
            long identity = served.identityLength;
            boolean head = request.method() == HttpMethod.HEAD;
            long sent = notModified || head ? 0 : gzip ? served.gzipBody.length() : identity;
            long saved = head ? 0 : notModified ? identity : gzip ? identity - sent : 0;
            meters.hit(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), in.get(HttpHeaders.USER_AGENT),
                    ifNoneMatch != null || in.contains(HttpHeaders.IF_MODIFIED_SINCE), gzip, notModified, sent, saved);
        }
        if (notModified) {
            if (meters != null) {
                meters.count(gzip, true, 0);
            }
            response.setStatusCode(304).end();
            return;
        }
        contentHeaders(out, served, gzip); // representation metadata: not on a 304 (RFC 9110 §15.4.5)
        out.add(HttpHeaders.CONTENT_LENGTH, gzip ? served.gzipLength : served.length);
        boolean head = request.method() == HttpMethod.HEAD;
        if (meters != null) {
            meters.count(gzip, false, head ? 0 : gzip ? served.gzipBody.length() : served.identityLength);
        }
        if (head) {
            response.end();
        } else if (gzip || served.bodyFile == null) {
            response.end(gzip ? served.gzipBody : served.body);
        } else {
            sendFile(response, served);
        }
    }

    /**
     * Sends {@code served}'s identity body from its file. Should the file be gone or unreadable,
     * nothing was written yet: the body is made again from the gzip body in memory (whose CRC
     * checks it) and sent from there; only if that fails too is the client told to try again.
     */
    private static void sendFile(HttpServerResponse response, Served served) {
        response.sendFile(served.bodyFile, 0, served.identityLength).onFailure(e -> {
            if (response.headWritten() || response.closed()) {
                response.reset();
                return;
            }
            byte[] body = Gunzip.of(served.gzipBody, served.identityLength);
            if (body != null) {
                LOG.warnf("Sent %s from its gzip body: its file cannot be sent (%s)", served.bodyFile, e.toString());
                response.end(Buffer.buffer(body));
            } else {
                LOG.errorf("Cannot send %s: its file cannot be sent (%s) and its gzip body does not give it back", served.bodyFile, e.toString());
                response.headers().remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.CONTENT_TYPE).remove(HttpHeaders.ETAG)
                        .remove(HttpHeaders.LAST_MODIFIED).set(HttpHeaders.CACHE_CONTROL, "no-store").set(HttpHeaders.RETRY_AFTER, "1");
                response.setStatusCode(503).end();
            }
        });
    }

    /**
     * Sends {@code delta}, the entries of {@code full} added or changed since a version the client
     * holds, as {@code 226 IM Used} with {@code IM: feed} (RFC 3229): the entity tag and
     * {@code Last-Modified} of the full document the client holds once it applies the delta, in
     * the coding it asked for, and a {@code Cache-Control} no cache stores.
     */
    static void sendDelta(RoutingContext ctx, Served full, Served delta, boolean gzip) {
        HttpServerRequest request = ctx.request();
        MultiMap out = ctx.response().headers();
        out.add(HttpHeaders.DATE, HttpClock.date());
        out.add(HttpHeaders.ETAG, gzip ? full.gzipEtagHeader : full.etagHeader);
        out.add(HttpHeaders.LAST_MODIFIED, full.lastModifiedHeader);
        out.add(HttpHeaders.CACHE_CONTROL, delta.cacheControl);
        out.add(IM, FEED);
        out.add(HttpHeaders.VARY, full.vary);
        contentHeaders(out, full, gzip);
        out.add(HttpHeaders.CONTENT_LENGTH, gzip ? delta.gzipLength : delta.length);
        Buffer body = gzip ? delta.gzipBody : delta.body;
        ServedMeters meters = full.meters;
        if (meters != null) {
            if (meters.stats != null) {
                long identity = full.identityLength;
                meters.hit(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), request.getHeader(HttpHeaders.USER_AGENT),
                        true, gzip, false, body.length(), Math.max(0, identity - body.length()));
            }
            meters.count(gzip, false, body.length());
        }
        ctx.response().setStatusCode(226).setStatusMessage("IM Used").end(body);
    }

    /** The headers that describe {@code served}'s content: its type, its {@code Link}, {@code nosniff}, its coding. */
    private static void contentHeaders(MultiMap out, Served served, boolean gzip) {
        out.add(HttpHeaders.CONTENT_TYPE, served.contentType);
        if (served.link != null) {
            out.add(LINK, served.link);
        }
        out.add(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        if (gzip) {
            out.add(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
    }
}
