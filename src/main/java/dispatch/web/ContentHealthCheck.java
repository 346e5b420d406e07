package dispatch.web;

import dispatch.catalog.CatalogService;
import dispatch.source.Problem;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness at {@code /q/health/ready}: how many feeds are served and every file left out, with
 * the reason. Down while the first load of the feeds runs (with {@code loading: true}) and when
 * the feeds directory could not be read; bad files never make the service unready, the rest of
 * the content is served.
 */
@Readiness
public class ContentHealthCheck implements HealthCheck {

    private final CatalogService store;

    /** A check of {@code store}. */
    public ContentHealthCheck(CatalogService store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = store.loaded();
        Optional<String> failure = store.failure();
        var catalog = store.catalog();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("content")
                .status(loaded)
                .withData("loading", !loaded && failure.isEmpty())
                .withData("feeds", catalog.feeds().size())
                .withData("skipped", catalog.problems().size());
        failure.ifPresent(f -> b.withData("failure", f));
        for (Problem p : catalog.problems()) {
            b.withData(p.fileName(), Problem.printable(p.reason()));
        }
        return b.build();
    }
}
