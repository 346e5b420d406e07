package dispatch.stats;

import dispatch.catalog.CatalogService;
import dispatch.catalog.RenderedFeed;
import dispatch.config.DispatchConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The edge where Quarkus meets the statistics: keeps the {@link SubscriberStats} of the data
 * folder (unless {@code dispatch.stats.enabled} is false), in a cluster adding its subscriber
 * counts to the database every replica shares, tallies queued hits every 50 ms (so few
 * are alive when the young generation is collected) and writes the day's counts every minute and
 * on shutdown (in a cluster, adds them to the database every 5 s).
 */
@ApplicationScoped
public class StatsService {

    private final SubscriberStats stats;
    private final ScheduledExecutorService timer;

    /** The statistics {@code config} asks for, feeds' ttls from {@code catalog}. */
    public StatsService(DispatchConfig config, CatalogService catalog, Instance<AgroalDataSource> database) {
        SharedCounts shared = config.source() == DispatchConfig.Source.POSTGRESQL ? new SharedCounts(database.get()) : null;
        this.stats = !config.stats().enabled() ? null : new SubscriberStats(config.dataDir(), Clock.systemUTC(),
                feed -> catalog.catalog().feed(feed).map(RenderedFeed::snapshot).map(s -> s.definition().ttl().toSeconds()).orElse(0L), shared);
        this.timer = stats == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dispatch-stats");
            t.setDaemon(true);
            return t;
        });
    }

    void onStart(@Observes StartupEvent event) {
        if (stats != null) {
            stats.load();
            timer.scheduleWithFixedDelay(stats::drain, 50, 50, TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(stats::save, 60, 60, TimeUnit.SECONDS);
            timer.scheduleWithFixedDelay(stats::share, 5, 5, TimeUnit.SECONDS); // a cluster's counts, fresh within seconds
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (stats != null) {
            timer.shutdownNow();
            stats.drain();
            stats.save();
        }
    }

    /** The statistics, unless they are off. */
    public Optional<SubscriberStats> stats() {
        return Optional.ofNullable(stats);
    }
}
