package dispatch.web;

/**
 * Reads {@code Accept} (RFC 9110 §12.5.1) for one question: does the client prefer an HTML page
 * to the feed document? Browsers list {@code text/html} first; feed readers list feed types,
 * XML, or only {@code *}{@code /*}.
 */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * Whether {@code text/html} (or {@code application/xhtml+xml}) is listed explicitly with a
     * quality above that of every type that could mean the feed: {@code feedType} itself, XML,
     * JSON, their {@code type/*} ranges and {@code *}{@code /*}. No header, or a tie, means the feed.
     *
     * @param accept the {@code Accept} header, or null
     * @param feedType the feed's media type, such as {@code application/atom+xml}
     */
    public static boolean prefersHtml(String accept, String feedType) {
        if (accept == null || accept.isEmpty()) {
            return false;
        }
        double[] html = {-1};
        double[] feed = {-1};
        HeaderList.forEach(accept, (type, q) -> {
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html[0] = Math.max(html[0], q);
            } else if (type.equals(feedType) || type.equals("*/*") || type.equals("application/*")
                    || type.equals("application/xml") || type.equals("text/xml") || type.equals("application/json")
                    || type.endsWith("+xml") || type.endsWith("+json")) {
                feed[0] = Math.max(feed[0], q);
            }
        });
        return html[0] > 0 && html[0] > feed[0];
    }
}
