package dispatch.web;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Problem details for a request head the HTTP codec refused before any route saw it: a request
 * line or header section too long, or one it could not parse. Written into Vert.x's own bare
 * response, so that a client gets {@code application/problem+json} here as everywhere else.
 */
final class RefusedHead {

    private RefusedHead() {
    }

    /** {@code 505}: a request in an HTTP version other than 1.0 and 1.1, which Dispatch does not speak. */
    static FullHttpResponse versionNotSupported() {
        return describe(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED));
    }

    /** {@code response} (bare, 4xx) with a problem body and the headers every problem has. */
    static FullHttpResponse describe(FullHttpResponse response) {
        int status = response.status().code();
        String detail = switch (status) {
            case 414 -> "The request line is longer than this server reads.";
            case 431 -> "The request's header fields are larger than this server reads.";
            case 400 -> "The request head cannot be read as HTTP/1.1.";
            case 505 -> "Dispatch speaks HTTP/1.1 (and 1.0).";
            default -> "The request cannot be answered as it is.";
        };
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + response.status().reasonPhrase() + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse described = new DefaultFullHttpResponse(response.protocolVersion(), response.status(), Unpooled.wrappedBuffer(body));
        described.headers().set(response.headers());
        response.release();
        described.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.DATE, HttpClock.date())
                .set(HttpHeaderNames.CACHE_CONTROL, CachePolicy.PROBLEM)
                .set("X-Content-Type-Options", "nosniff")
                .set(PageSecurity.CONTENT_SECURITY_POLICY, PageSecurity.NOTHING_ALLOWED);
        return described;
    }
}
