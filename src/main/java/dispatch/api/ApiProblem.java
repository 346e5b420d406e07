package dispatch.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A publish API request refused, as RFC 9457 problem details: each kind has its own {@code type}
 * URI ({@code urn:dispatch:problem:<kind>}), listed in the OpenAPI document, and nothing stored is
 * changed by a refused request.
 */
final class ApiProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, with their status and title. */
    enum Kind {
        MALFORMED_BODY(400, "Malformed body"),
        UNAUTHORIZED(401, "Unauthorized"),
        FEED_NOT_ALLOWED(403, "Token not allowed for this feed"),
        NOT_FOUND(404, "Not Found"),
        METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
        SLUG_TAKEN(409, "Slug already taken"),
        PRECONDITION_FAILED(412, "Precondition Failed"),
        TOO_LARGE(413, "Content Too Large"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
        UNPUBLISHABLE(422, "Nothing publishable"),
        PRECONDITION_REQUIRED(428, "Precondition Required"),
        NOT_READY(503, "Not ready for writes"),
        NO_SPACE(507, "Insufficient Storage");

        final int status;
        final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        /** The problem type URI. */
        String type() {
            return "urn:dispatch:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A refusal of {@code kind}, with a {@code detail} for people. */
    ApiProblem(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    /** Adds a header to the problem response, such as {@code WWW-Authenticate}. */
    ApiProblem with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Kind kind() {
        return kind;
    }

    Map<String, String> headers() {
        return headers;
    }
}
