package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Records the ETags the first boot serves, for {@link SecondBootTest}. Quarkus runs tests without
 * a test profile before those with one, so this always runs first.
 */
@QuarkusTest
class FirstBootTest {

    @Test
    void recordsTheEtagsServed() {
        BootEtags.record();
        assertEquals(BootEtags.current(), BootEtags.recorded(), "the same tags twice in one boot");
    }
}
