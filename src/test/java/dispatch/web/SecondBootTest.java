package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A second boot of the application on the same content serves the same ETags as the first. The
 * test profile forces Quarkus to restart, and the global {@link dispatch.TestFeeds} resource
 * writes the feeds directory afresh for it; {@link FirstBootTest} recorded what the first boot
 * served.
 */
@QuarkusTest
@TestProfile(SecondBootTest.SecondBoot.class)
class SecondBootTest {

    /** The same configuration under another profile name, so Quarkus boots again. */
    public static class SecondBoot implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "second-boot";
        }
    }

    @Test
    void servesTheSameEtagsAsTheFirstBoot() {
        Map<String, String> first = BootEtags.recorded();
        assertFalse(first.isEmpty(), "the first boot's tags are recorded before any profile boots");
        assertEquals(first, BootEtags.current());
    }
}
