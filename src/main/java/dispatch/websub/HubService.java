package dispatch.websub;

import dispatch.catalog.CatalogService;
import dispatch.config.DispatchConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The edge where Quarkus meets the hub: builds the {@link Hub} (unless
 * {@code dispatch.websub.enabled} is false and no public hub is configured), in a cluster over the
 * subscriptions every replica shares in the database, hands it every change of the catalog, starts it with
 * the application, has it catch up once the feeds are loaded, and closes it on shutdown, writing
 * what is still owed to subscribers.
 */
@ApplicationScoped
public class HubService {

    private final Hub hub;
    private final boolean subscriptions;

    /** The hub of {@code catalog}'s feeds, as {@code config} says. */
    public HubService(DispatchConfig config, CatalogService catalog, Vertx vertx, Instance<AgroalDataSource> database) {
        if (!config.websub().enabled() && config.websub().hubs().orElse(List.of()).isEmpty()) {
            this.hub = null;
            this.subscriptions = false;
            return;
        }
        this.subscriptions = config.websub().enabled();
        boolean cluster = config.source() == DispatchConfig.Source.POSTGRESQL;
        this.hub = new Hub(config.websub(), catalog.links(), catalog::catalog, catalog::loaded,
                id -> catalog.source().refresh(id, catalog.live()), config.dataDir(), cluster ? database.get() : null, catalog.source()::current,
                vertx, Clock.systemUTC());
        catalog.live().onChange(hub::changed);
        catalog.whenLoaded(hub::catchUp);
    }

    void onStart(@Observes StartupEvent event) {
        if (hub != null) {
            hub.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (hub != null) {
            hub.close();
        }
    }

    /** The hub, unless it is disabled and there are no public hubs to ping. */
    public Optional<Hub> hub() {
        return Optional.ofNullable(hub);
    }

    /** The hub, if it takes subscriptions at {@code /websub}. */
    public Optional<Hub> ownHub() {
        return subscriptions ? Optional.of(hub) : Optional.empty();
    }
}
