package dispatch.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code X-Hub-Signature} values, checked against RFC 4231's test case 2 and RFC 2202's. */
class SignaturesTest {

    private static final ByteBuffer DATA = ByteBuffer.wrap("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

    @Test
    void eachAlgorithmSignsTheExactBody() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", new Signatures("sha256").sign("Jefe", DATA));
        assertEquals("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", new Signatures("sha1").sign("Jefe", DATA));
        assertEquals("sha512=164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
                new Signatures("SHA512").sign("Jefe", DATA));
        assertEquals(0, DATA.position(), "the body is left as it was");
    }

    @Test
    void otherAlgorithmsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Signatures("md5"));
    }
}
