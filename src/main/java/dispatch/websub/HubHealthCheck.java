package dispatch.websub;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The hub's counts at {@code /q/health/ready}: subscriptions, deliveries owed, made, failed and given up, and pings. */
@Readiness
public class HubHealthCheck implements HealthCheck {

    private final HubService service;

    /** A check of {@code service}'s hub. */
    public HubHealthCheck(HubService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("websub").up();
        service.hub().ifPresentOrElse(hub -> {
            Hub.Stats s = hub.stats();
            response.withData("subscriptions", s.subscriptions())
                    .withData("pendingDeliveries", s.pendingDeliveries())
                    .withData("delivered", s.delivered())
                    .withData("failedDeliveries", s.failedDeliveries())
                    .withData("droppedDeliveries", s.droppedDeliveries())
                    .withData("verified", s.verified())
                    .withData("notVerified", s.notVerified())
                    .withData("pingsSent", s.pingsSent())
                    .withData("failedPings", s.failedPings());
        }, () -> response.withData("enabled", false));
        return response.build();
    }
}
