package dispatch;

import dispatch.catalog.CatalogService;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.time.Duration;

/**
 * Before every Quarkus test method, waits until the application has loaded its feeds: it starts
 * serving while the first load still runs in the background, and the tests assert on the whole
 * content. Registered in {@code META-INF/services}.
 */
public class FeedsLoaded implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Arc.container().instance(CatalogService.class).get().awaitLoaded(Duration.ofMinutes(2));
    }
}
