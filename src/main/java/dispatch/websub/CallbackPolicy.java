package dispatch.websub;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one policy for URLs the hub is asked to call by strangers: which callback URLs are taken,
 * and which addresses they may lead to. An address that is loopback, private, link-local,
 * multicast, unspecified or otherwise not on the public Internet is refused unless an allowed
 * range holds it. {@link Outbound} asks it about every address it connects to, after name
 * resolution, so a name that changes its answer (DNS rebinding) gains nothing.
 */
final class CallbackPolicy {

    /** The longest callback URL taken. */
    static final int MAX_URL_LENGTH = 2048;

    /** Ranges that are not the public Internet, beside the ones {@link InetAddress} knows, with what they are. */
    private static final List<Named> NOT_PUBLIC = List.of(
            new Named(AddressRange.parse("0.0.0.0/8"), "unspecified"),
            new Named(AddressRange.parse("100.64.0.0/10"), "private (shared address space)"),
            new Named(AddressRange.parse("192.0.0.0/24"), "reserved"),
            new Named(AddressRange.parse("192.0.2.0/24"), "reserved (documentation)"),
            new Named(AddressRange.parse("198.18.0.0/15"), "reserved (benchmarking)"),
            new Named(AddressRange.parse("198.51.100.0/24"), "reserved (documentation)"),
            new Named(AddressRange.parse("203.0.113.0/24"), "reserved (documentation)"),
            new Named(AddressRange.parse("255.255.255.255"), "broadcast"),
            new Named(AddressRange.parse("240.0.0.0/4"), "reserved"),
            new Named(AddressRange.parse("fc00::/7"), "private (unique local)"),
            new Named(AddressRange.parse("2001:db8::/32"), "reserved (documentation)"),
            new Named(AddressRange.parse("100::/64"), "reserved (discard)"));

    private final List<AddressRange> allowed;

    /** A policy that lets through the {@code allowed} ranges (address literals or CIDR) though they are not public. */
    CallbackPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(AddressRange::parse).toList();
    }

    /** Why the hub will not call {@code url}, or empty when its form is fine (its addresses are checked apart). */
    Optional<String> refuseUrl(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            return Optional.of("has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not hold a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        return Optional.empty();
    }

    /** Why the hub will not connect to {@code address}, or empty when it may. */
    Optional<String> refuseAddress(InetAddress address) {
        for (AddressRange range : allowed) {
            if (range.contains(address)) {
                return Optional.empty();
            }
        }
        Optional<String> kind = notPublic(address);
        return kind.map(k -> address.getHostAddress() + " is " + k + " (dispatch.websub.allowed-callbacks can allow it)");
    }

    /**
     * The addresses of {@code host}, resolved now, that the hub may connect to, in the resolver's
     * order; the others are never used (so {@code localhost}, which is 127.0.0.1 and ::1, may be
     * reached at 127.0.0.1 alone when only 127.0.0.0/8 is allowed).
     *
     * @throws UnknownHostException if the name has no address
     * @throws RefusedAddressException if every one of its addresses is refused
     */
    List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> allowed = new ArrayList<>();
        String refusal = null;
        for (InetAddress a : InetAddress.getAllByName(host)) {
            Optional<String> refused = refuseAddress(a);
            if (refused.isEmpty()) {
                allowed.add(a);
            } else if (refusal == null) {
                refusal = refused.get();
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedAddressException(host + " resolves to " + refusal);
        }
        return allowed;
    }

    /** What kind of address that is not on the public Internet {@code a} is, or empty when it is public. */
    static Optional<String> notPublic(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        for (Named n : NOT_PUBLIC) {
            if (n.range.contains(a)) {
                return Optional.of(n.kind);
            }
        }
        if (a instanceof Inet6Address v6) {
            return embeddedIpv4(v6).flatMap(CallbackPolicy::notPublic).map(k -> k + " (inside an IPv6 address)");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<InetAddress> embeddedIpv4(Inet6Address a) {
        byte[] b = a.getAddress();
        byte[] v4;
        if (a.isIPv4CompatibleAddress() || NAT64.contains(a)) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (SIX_TO_FOUR.contains(a)) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private record Named(AddressRange range, String kind) {
    }

    /** A callback's host resolves to an address the policy refuses. */
    static final class RefusedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedAddressException(String message) {
            super(message);
        }
    }
}
