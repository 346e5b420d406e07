package dispatch.websub;

import dispatch.catalog.CatalogService;
import dispatch.config.DispatchConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;

/**
 * The edge where Quarkus meets the hub: builds the {@link Hub} (unless
 * {@code dispatch.websub.enabled} is false), hands it every change of the catalog, starts it with
 * the application, has it catch up once the feeds are loaded, and closes it on shutdown, writing
 * what is still owed to subscribers.
 */
@ApplicationScoped
public class HubService {

    private final Hub hub;

    /** The hub of {@code catalog}'s feeds, as {@code config} says. */
    public HubService(DispatchConfig config, CatalogService catalog, Vertx vertx) {
        if (!config.websub().enabled()) {
            this.hub = null;
            return;
        }
        this.hub = new Hub(config.websub(), catalog.links(), catalog::catalog, catalog::loaded,
                id -> catalog.live().reloadIfChanged(id), config.dataDir(), vertx, Clock.systemUTC());
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

    /** The hub, unless it is disabled. */
    public Optional<Hub> hub() {
        return Optional.ofNullable(hub);
    }
}
