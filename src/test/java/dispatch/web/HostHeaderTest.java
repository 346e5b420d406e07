package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HostHeader#isHostAndPort}: RFC 3986's {@code uri-host [ ":" port ]}. */
class HostHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:8080", "news.example", "127.0.0.1", "127.0.0.1:80", "[::1]", "[::1]:8080",
        "[2001:db8::7]", "xn--caf-dma.example", "a-b_c~d.example", "host:"})
    void hostsAndPortsAreValid(String host) {
        assertTrue(HostHeader.isHostAndPort(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "<script>", "host:port", "[::1", "x:123456", "host/path", "user@host", "h\u00e9", "[::1]x", "a:1:2", "\"q\""})
    void anythingElseIsNot(String host) {
        assertFalse(HostHeader.isHostAndPort(host), host);
    }
}
