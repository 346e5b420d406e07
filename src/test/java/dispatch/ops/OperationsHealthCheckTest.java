package dispatch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Http;
import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness reports the watcher, the data folder and the hub's queue; a data folder that cannot be made is a reason to be down. */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
class OperationsHealthCheckTest {

    @Test
    void readinessReportsTheWatcherTheDataFolderAndTheHubsQueue() {
        var json = Http.raw().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals("UP", json.getString("checks.find { it.name == 'operations' }.status"));
        assertEquals("watching", json.getString("checks.find { it.name == 'operations' }.data.watcher"));
        assertTrue(json.getString("checks.find { it.name == 'operations' }.data.dataFolder").startsWith("writable: "));
        assertTrue(json.getInt("checks.find { it.name == 'operations' }.data.hubPendingDeliveries") >= 0);
    }

    @Test
    void aDataFolderUnderAFileCannotBeWritten(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(OperationsHealthCheck.unwritable(file.resolve("data")).orElseThrow().startsWith("not a folder"));
        assertEquals(Optional.empty(), OperationsHealthCheck.unwritable(dir.resolve("not-yet").resolve("data")), "made when first written");
    }
}
