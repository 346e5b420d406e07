package dispatch.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the {@code Host} header of every request before any route answers it (RFC 9112 §3.2): a
 * server must answer {@code 400} to an HTTP/1.1 request without one, to a request with more
 * than one, and to one whose value is not a host and optional port.
 */
final class HostHeader {

    private HostHeader() {
    }

    /** Passes the request on, or answers {@code 400} when its {@code Host} is missing, repeated or malformed. */
    static void check(RoutingContext ctx) {
        String problem = problem(ctx.request());
        if (problem == null) {
            ctx.next();
        } else {
            Problems.send(ctx, 400, "Bad Request", problem);
        }
    }

    /** What is wrong with the request's {@code Host}, or null when nothing is. */
    static String problem(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_1_1 && request.version() != HttpVersion.HTTP_1_0) {
            return null; // HTTP/2 carries the authority in its own pseudo-header
        }
        MultiMap headers = request.headers();
        String host = headers.get(HttpHeaders.HOST);
        if (host == null) {
            return request.version() == HttpVersion.HTTP_1_1 ? "An HTTP/1.1 request must carry a Host header." : null;
        }
        if (headers.getAll(HttpHeaders.HOST).size() > 1) {
            return "A request must carry one Host header, not several.";
        }
        return isHostAndPort(host) ? null : "The Host header is not a host name or address with an optional port.";
    }

    /** Whether {@code value} is {@code uri-host [ ":" port ]} (RFC 3986 §3.2.2), or empty. */
    static boolean isHostAndPort(String value) {
        int n = value.length();
        int i = 0;
        if (n > 0 && value.charAt(0) == '[') { // IP-literal
            int close = value.indexOf(']');
            if (close < 0) {
                return false;
            }
            for (int j = 1; j < close; j++) {
                char c = value.charAt(j);
                if (!(isHex(c) || c == ':' || c == '.' || c == 'v' || c == 'V')) {
                    return false;
                }
            }
            i = close + 1;
        } else {
            while (i < n && value.charAt(i) != ':') {
                if (!isRegNameChar(value.charAt(i))) {
                    return false;
                }
                i++;
            }
        }
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != ':' || n - i - 1 > 5) {
            return false;
        }
        for (int j = i + 1; j < n; j++) {
            if (value.charAt(j) < '0' || value.charAt(j) > '9') {
                return false;
            }
        }
        return true;
    }

    /** unreserved, pct-encoded and sub-delims (RFC 3986 §3.2.2 {@code reg-name}). */
    private static boolean isRegNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
