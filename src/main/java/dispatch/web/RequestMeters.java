package dispatch.web;

import dispatch.stats.StatsService;
import dispatch.stats.SubscriberStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request metrics at {@code /q/metrics}: {@code dispatch_requests_total} and
 * {@code dispatch_response_bytes_total}, labelled by feed (an id from the catalog; {@code _site}
 * for the index and OPML list, {@code _all} for the combined feed, {@code _none} for any path
 * that is not a feed), format, encoding and status; problems by status class; and the share of
 * 304s. Labels stay bounded: nothing from a request's path becomes a label.
 */
@ApplicationScoped
public class RequestMeters {

    /** The feed label of every answer that is not about a feed. */
    static final String NO_FEED = "_none";

    private final MeterRegistry registry;
    private final SubscriberStats stats;
    private final Map<String, ServedMeters> meters = new ConcurrentHashMap<>();

    /** Meters in {@code registry}, counting no subscribers. */
    public RequestMeters(MeterRegistry registry) {
        this(registry, (SubscriberStats) null);
    }

    /** Meters in {@code registry}, feed documents counted by {@code service}'s subscriber statistics too. */
    @Inject
    public RequestMeters(MeterRegistry registry, StatsService service) {
        this(registry, service.stats().orElse(null));
    }

    private RequestMeters(MeterRegistry registry, SubscriberStats stats) {
        this.registry = registry;
        this.stats = stats;
        for (int status : new int[] {4, 5}) {
            FunctionCounter.builder("dispatch.requests", Problems.class, p -> Problems.count(status))
                    .description("Requests answered, by feed, format, encoding and status")
                    .tags("feed", NO_FEED, "format", "problem", "encoding", "identity", "status", status + "xx").register(registry);
        }
        Gauge.builder("dispatch.not.modified.share", this, RequestMeters::notModifiedShare)
                .description("The share of feed and page requests answered 304 Not Modified since the start").register(registry);
    }

    /** The counters of {@code format} documents of {@code feed}; the same ones every time. */
    ServedMeters of(String feed, String format) {
        return meters.computeIfAbsent(feed + "\n" + format, k -> new ServedMeters(registry, feed, format));
    }

    /** {@code served}, a feed document, counted under {@code feed} and {@code format}, and by the subscriber statistics. */
    Served meteredDocument(Served served, String feed, String format) {
        served.meters = meters.computeIfAbsent(feed + "\n" + format, k -> new ServedMeters(registry, feed, format, stats));
        return served;
    }

    /** {@code served} counted under {@code feed} and {@code format}. */
    Served metered(Served served, String feed, String format) {
        served.meters = of(feed, format);
        return served;
    }

    private double notModifiedShare() {
        double notModified = 0;
        double all = 0;
        for (ServedMeters m : meters.values()) {
            notModified += m.notModifiedCount();
            all += m.count();
        }
        return all == 0 ? 0 : notModified / all;
    }
}
