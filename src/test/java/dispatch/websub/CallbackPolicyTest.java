package dispatch.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which callback URLs and addresses the hub refuses, and what an allow-list lets through. */
class CallbackPolicyTest {

    private final CallbackPolicy strict = new CallbackPolicy(List.of());

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
        "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.0.1, private",
        "fd12:3456::1, private (unique local)", "fc00::1, private (unique local)", "100.64.0.1, private (shared address space)",
        "169.254.169.254, link-local", "fe80::1, link-local",
        "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast",
        "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, unspecified",
        "255.255.255.255, broadcast", "240.0.0.1, reserved", "192.0.2.1, reserved (documentation)",
        "'::ffff:10.0.0.1', private", "'64:ff9b::7f00:1', loopback (inside an IPv6 address)",
        "'2002:c0a8:0101::1', private (inside an IPv6 address)", "'::127.0.0.1', loopback (inside an IPv6 address)",
    })
    void addressesOffThePublicInternetAreRefused(String address, String kind) throws Exception {
        Optional<String> refused = strict.refuseAddress(InetAddress.getByName(address));
        assertTrue(refused.isPresent(), address);
        assertTrue(refused.get().contains(" is " + kind), refused.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "100.128.0.1", "64:ff9b::808:808"})
    void publicAddressesAreTaken(String address) throws Exception {
        assertEquals(Optional.empty(), strict.refuseAddress(InetAddress.getByName(address)));
    }

    @Test
    void anAllowListLetsRangesThrough() throws Exception {
        CallbackPolicy policy = new CallbackPolicy(List.of("127.0.0.0/8", "10.20.0.0/16", "fd00::1"));
        assertEquals(Optional.empty(), policy.refuseAddress(InetAddress.getByName("127.3.2.1")));
        assertEquals(Optional.empty(), policy.refuseAddress(InetAddress.getByName("10.20.255.1")));
        assertEquals(Optional.empty(), policy.refuseAddress(InetAddress.getByName("fd00::1")));
        assertTrue(policy.refuseAddress(InetAddress.getByName("10.21.0.1")).isPresent());
        assertTrue(policy.refuseAddress(InetAddress.getByName("fd00::2")).isPresent());
        assertTrue(policy.refuseAddress(InetAddress.getByName("::1")).isPresent(), "127.0.0.0/8 is not ::1");
    }

    @Test
    void aNameIsRefusedWhenNoneOfItsAddressesIsAllowedAndOnlyItsAllowedOnesAreUsed() throws Exception {
        assertThrows(CallbackPolicy.RefusedAddressException.class, () -> strict.resolve("localhost"));
        assertThrows(CallbackPolicy.RefusedAddressException.class, () -> strict.resolve("127.0.0.1"));
        List<InetAddress> local = new CallbackPolicy(List.of("127.0.0.0/8")).resolve("localhost");
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), local, "::1 is not allowed, so never used");
    }

    @ParameterizedTest
    @CsvSource({
        "ftp://example.org/cb, absolute http or https",
        "/relative/cb, absolute http or https",
        "http:///nohost, no host",
        "http://user:pw@example.org/cb, user name",
        "http://example.org/cb#frag, fragment",
        "http://exa mple.org/, not a URL",
    })
    void malformedCallbacksAreRefused(String url, String why) {
        Optional<String> refused = strict.refuseUrl(url);
        assertTrue(refused.isPresent() && refused.get().contains(why), url + ": " + refused);
    }

    @Test
    void longCallbacksAreRefused() {
        assertTrue(strict.refuseUrl("https://example.org/" + "a".repeat(CallbackPolicy.MAX_URL_LENGTH)).isPresent());
        assertEquals(Optional.empty(), strict.refuseUrl("https://example.org/cb?topic=x&y=%20"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org/8", "10.0.0.0/33", "::/129", "10.0.0.0/x", ""})
    void allowListEntriesMustBeAddressLiterals(String entry) {
        assertThrows(IllegalArgumentException.class, () -> new CallbackPolicy(List.of(entry)));
    }
}
