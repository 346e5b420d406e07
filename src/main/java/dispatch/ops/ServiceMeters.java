package dispatch.ops;

import dispatch.catalog.CatalogService;
import dispatch.catalog.LiveCatalog;
import dispatch.websub.Hub;
import dispatch.websub.HubService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The service's metrics beside the requests' ({@code dispatch.web.RequestMeters}), at
 * {@code /q/metrics}: render time per feed (a histogram with fixed buckets), changes per feed,
 * feeds served and files skipped, and the WebSub hub's subscriptions, deliveries, verifications
 * and pings. Every label is a feed id from the catalog.
 */
@ApplicationScoped
public class ServiceMeters {

    private static final Duration[] RENDER_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500)};

    private final MeterRegistry registry;
    private final CatalogService catalog;
    private final HubService hub;

    /** Meters of {@code catalog} and {@code hub} in {@code registry}. */
    public ServiceMeters(MeterRegistry registry, CatalogService catalog, HubService hub) {
        this.registry = registry;
        this.catalog = catalog;
        this.hub = hub;
    }

    void onStart(@Observes StartupEvent event) {
        LiveCatalog live = catalog.live();
        live.onRender((feed, took) -> Timer.builder("dispatch.render").description("Time to read and render a feed, by feed")
                .serviceLevelObjectives(RENDER_BUCKETS).tags("feed", feed).register(registry).record(took));
        live.onChange(change -> Counter.builder("dispatch.feed.changes").description("Changes published, by feed (watcher, API or start)")
                .tags("feed", change.feedId()).register(registry).increment());
        Gauge.builder("dispatch.feeds", catalog, c -> c.catalog().feeds().size()).description("Feeds served").register(registry);
        Gauge.builder("dispatch.skipped.files", catalog, c -> c.catalog().problems().size())
                .description("Files and folders left out, each with a reason in /q/health/ready").register(registry);
        hub.hub().ifPresent(this::hubMeters);
    }

    private void hubMeters(Hub h) {
        Gauge.builder("dispatch.websub.subscriptions", h, x -> x.stats().subscriptions()).description("Active WebSub subscriptions")
                .register(registry);
        Gauge.builder("dispatch.websub.pending.deliveries", h, x -> x.stats().pendingDeliveries())
                .description("Subscriptions with a delivery queued, running or waiting to be retried").register(registry);
        counter(h, "dispatch.websub.deliveries", "delivered", "Deliveries by outcome", s -> s.stats().delivered());
        counter(h, "dispatch.websub.deliveries", "failed", "Deliveries by outcome", s -> s.stats().failedDeliveries());
        counter(h, "dispatch.websub.deliveries", "dropped", "Deliveries by outcome", s -> s.stats().droppedDeliveries());
        counter(h, "dispatch.websub.verifications", "verified", "Intent verifications by outcome", s -> s.stats().verified());
        counter(h, "dispatch.websub.verifications", "not_verified", "Intent verifications by outcome", s -> s.stats().notVerified());
        counter(h, "dispatch.websub.pings", "sent", "Pings of public hubs by outcome", s -> s.stats().pingsSent());
        counter(h, "dispatch.websub.pings", "failed", "Pings of public hubs by outcome", s -> s.stats().failedPings());
    }

    private void counter(Hub h, String name, String outcome, String description, ToDoubleFunction<Hub> value) {
        FunctionCounter.builder(name, h, value).description(description).tags("outcome", outcome).register(registry);
    }
}
