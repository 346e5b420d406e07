package dispatch.web;

import dispatch.stats.RecentMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Polite polling, off unless a minimum interval is configured: a client (its address and
 * User-Agent) that fetches one feed document without validators again sooner than the interval
 * is refused with 429 and {@code Retry-After}. A conditional request is never refused and never
 * counted. The clients remembered are bounded (the least recently seen are forgotten first), so
 * a flood of new clients costs a fixed amount of memory.
 */
final class PollingPolicy {

    private final long minNanos;
    private final Map<String, Long> lastFetch;

    /** A policy refusing unconditional fetches closer than {@code minInterval}, remembering at most {@code maxClients} client and document pairs. */
    PollingPolicy(Duration minInterval, int maxClients) {
        this.minNanos = minInterval.toNanos();
        this.lastFetch = new RecentMap<>(maxClients);
    }

    /**
     * Records an unconditional fetch of {@code document} by {@code client} at {@code nanos}
     * ({@link System#nanoTime}); how long it must wait if it came too soon, else empty (and the
     * fetch counts).
     */
    synchronized Optional<Duration> tooSoon(String client, String document, long nanos) {
        String key = client + "\n" + document;
        Long last = lastFetch.get(key);
        if (last != null && nanos - last < minNanos) {
            return Optional.of(Duration.ofNanos(minNanos - (nanos - last)));
        }
        lastFetch.put(key, nanos);
        return Optional.empty();
    }

    /** Whether an unconditional fetch came too soon after the client's last one, answered then with 429. */
    boolean refused(RoutingContext ctx) {
        var headers = ctx.request().headers();
        if (headers.contains(HttpHeaders.IF_NONE_MATCH) || headers.contains(HttpHeaders.IF_MODIFIED_SINCE)) {
            return false; // a conditional request is never refused
        }
        var address = ctx.request().remoteAddress();
        String client = (address == null ? "?" : address.hostAddress()) + " " + headers.get(HttpHeaders.USER_AGENT);
        Optional<Duration> wait = tooSoon(client, ctx.normalizedPath(), System.nanoTime());
        wait.ifPresent(w -> Problems.tooSoon(ctx, Math.max(1, (w.toMillis() + 999) / 1000),
                "This feed was fetched without validators moments ago. Send If-None-Match with the ETag you were given (or"
                        + " If-Modified-Since) to poll as often as you like, or wait."));
        return wait.isPresent();
    }

    /** How many client and document pairs are remembered. */
    synchronized int size() {
        return lastFetch.size();
    }
}
