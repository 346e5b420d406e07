package dispatch.web;

import dispatch.catalog.HistoryDocuments;
import dispatch.catalog.RenderedFeed;
import dispatch.catalog.Versions;
import dispatch.feed.FeedFormat;
import dispatch.feed.Representation;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Delta feeds (RFC 3229 with {@code A-IM: feed}): a GET that accepts the {@code feed}
 * instance-manipulation and names, in {@code If-None-Match}, the strong entity tag of an earlier
 * version of the document that is still remembered ({@link Versions}) gets {@code 226 IM Used}
 * with only the entries added or changed since. Every other request is left to the ordinary
 * caching contract: one naming the current version gets its 304, one naming a version forgotten
 * (or a weak tag) the whole document.
 */
final class Deltas {

    private static final CharSequence A_IM = HttpHeaders.createOptimized("A-IM");

    /** How many bytes of deltas are kept rendered: most clients of a feed ask from the same version. */
    private static final long KEPT_BYTES = 8L * 1024 * 1024;

    private final Site site;
    private final HistoryDocuments rendering;
    private final CachePolicy policy;
    private final RecentServed<String, Optional<Served>> kept =
            new RecentServed<>(KEPT_BYTES, delta -> delta.map(RecentServed::weight).orElse(64L));

    Deltas(Site site, HistoryDocuments rendering, CachePolicy policy) {
        this.site = site;
        this.rendering = rendering;
        this.policy = policy;
    }

    /**
     * Answers the request for feed {@code id}'s document in {@code format} with a delta, if it
     * asks for one that can be made; the answer may come later, from a worker thread.
     *
     * @return whether it is answered (or will be); if not, the caller answers as usual
     */
    boolean answer(RoutingContext ctx, String id, FeedFormat format) {
        HttpServerRequest request = ctx.request();
        String aIm = request.getHeader(A_IM);
        if (aIm == null || request.method() != HttpMethod.GET || !acceptsFeed(aIm)) {
            return false;
        }
        List<String> ifNoneMatch = request.headers().getAll(HttpHeaders.IF_NONE_MATCH);
        RenderedFeed feed = site.feed(id);
        Served full = site.document(id, format);
        if (ifNoneMatch.isEmpty() || feed == null || full == null || full.representation != feed.documents().get(format)) {
            return false;
        }
        String tags = String.join(", ", ifNoneMatch);
        boolean gzip = full.compressible && AcceptEncoding.allowsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        if (EntityTags.matchesWeakly(tags, gzip ? full.gzipEtag : full.etag)) {
            return false; // the client holds the current version: 304
        }
        Optional<Versions.Version> base = EntityTags.strongTags(tags).stream()
                .map(tag -> feed.versions().earlier(format, tag)).flatMap(Optional::stream).findFirst();
        if (base.isEmpty()) {
            return false;
        }
        // the versions, not the feed: keeping a delta keeps no feed from being collected
        String key = id + "/" + format.fileName() + "/" + base.get().validators().get(format).etag() + "/" + full.etag;
        Optional<Served> ready = kept.get(key);
        if (ready != null) {
            send(ctx, full, ready, gzip);
            return true;
        }
        ctx.vertx().<Optional<Served>>executeBlocking(() -> {
            Optional<Served> made = rendering.delta(feed, format, base.get()).map(policy::delta);
            kept.put(key, made);
            return made;
        }, false).onComplete(done -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            if (done.failed()) {
                ctx.fail(done.cause());
            } else {
                send(ctx, full, done.result(), gzip);
            }
        });
        return true;
    }

    /** Sends {@code delta}, or when there is none (it would not be smaller), the whole document. */
    private static void send(RoutingContext ctx, Served full, Optional<Served> delta, boolean gzip) {
        if (delta.isPresent()) {
            Responder.sendDelta(ctx, full, delta.get(), gzip);
        } else {
            Responder.send(ctx, full);
        }
    }

    /**
     * Whether an {@code A-IM} value accepts the {@code feed} instance-manipulation: listed, in
     * any case, without {@code q=0} (RFC 3229 §10.5.3).
     */
    static boolean acceptsFeed(String aIm) {
        for (String member : aIm.split(",")) {
            String[] parts = member.split(";", -1);
            if (!parts[0].strip().equalsIgnoreCase("feed")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    refused = param.substring(2).strip().matches("0(\\.0{0,3})?");
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }
}
