package dispatch.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A publish API answer: its status, headers and body.
 *
 * @param status the status code
 * @param contentType the body's media type, or null when there is no body
 * @param body the body; empty when there is none
 * @param headers further headers ({@code ETag}, {@code Location})
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** An answer without a body. */
    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0], new LinkedHashMap<>());
    }

    /** An answer with {@code body} of {@code contentType}. */
    static ApiResponse of(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, body, new LinkedHashMap<>());
    }

    /** This answer with header {@code name} set. */
    ApiResponse with(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
