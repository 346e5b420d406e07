package dispatch.ops;

import dispatch.catalog.CatalogService;
import dispatch.config.DispatchConfig;
import dispatch.websub.HubService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of what Dispatch needs beside its content, at {@code /q/health/ready}: the watcher
 * of the feeds directory keeps up, and the data folder (validators, hub subscriptions) can be
 * written; down when either fails. The hub's queue of deliveries is reported with it.
 */
@Readiness
public class OperationsHealthCheck implements HealthCheck {

    private final CatalogService catalog;
    private final HubService hub;
    private final Path dataDir;

    /** Checks of {@code catalog}'s watcher, the configured data folder and {@code hub}'s queue. */
    public OperationsHealthCheck(CatalogService catalog, HubService hub, DispatchConfig config) {
        this.catalog = catalog;
        this.hub = hub;
        this.dataDir = config.dataDir();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("operations").up();
        Optional<String> watcher = catalog.watcherTrouble();
        response.withData("watcher", watcher.orElse(catalog.watching() ? "watching" : "off (dispatch.watch.enabled=false)"));
        if (watcher.isPresent()) {
            response.down();
        }
        Optional<String> data = unwritable(dataDir);
        response.withData("dataFolder", data.orElse("writable: " + dataDir.toAbsolutePath()));
        if (data.isPresent()) {
            response.down();
        }
        response.withData("source", catalog.source().imports() ? "postgresql" : "files");
        // a replica without its database serves what it has: still ready, only its writes are refused
        response.withData("writes", catalog.source().trouble().map(t -> "refused: " + t).orElse("accepted"));
        hub.hub().ifPresent(h -> response.withData("hubPendingDeliveries", h.stats().pendingDeliveries()));
        return response.build();
    }

    /** Why {@code dir} (or, while it does not exist, the folder it would be made in) cannot be written, or empty. */
    static Optional<String> unwritable(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return Optional.of("not a folder: " + dir.toAbsolutePath());
        }
        return Files.isWritable(existing) ? Optional.empty() : Optional.of("not writable: " + existing);
    }
}
