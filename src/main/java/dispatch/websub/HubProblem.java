package dispatch.websub;

/**
 * Why the hub refuses a request, answered as an {@code application/problem+json} of type
 * {@code urn:dispatch:problem:websub-<kind>}.
 */
final class HubProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;

    HubProblem(int status, String kind, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
    }

    /** A 400 problem of {@code kind}. */
    static HubProblem badRequest(String kind, String detail) {
        return new HubProblem(400, kind, detail);
    }

    /** {@code value} as a problem quotes it: at most {@code max} characters, then "...". */
    static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "...";
    }

    /** The HTTP status. */
    int status() {
        return status;
    }

    /** The problem type URI. */
    String type() {
        return "urn:dispatch:problem:websub-" + kind;
    }

    /** What is wrong, for people. */
    String detail() {
        return getMessage();
    }
}
