package dispatch.web;

/** Entity tag lists as in {@code If-None-Match} (RFC 9110 §8.8.3). */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Whether the header value is {@code *} or lists {@code etag} under the weak comparison: two
     * tags match when their opaque parts are equal, whether either is weak or not. Malformed list
     * members are skipped; a quoted tag may contain commas.
     *
     * @param header an {@code If-None-Match} value, such as {@code W/"a", "b"}
     * @param etag the current tag, quoted, such as {@code "b"}
     */
    public static boolean matchesWeakly(String header, String etag) {
        String opaque = opaque(etag);
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                int start = i;
                if (header.startsWith("W/", i)) {
                    i += 2;
                }
                if (i < n && header.charAt(i) == '"') {
                    int close = header.indexOf('"', i + 1);
                    if (close < 0) {
                        return false;
                    }
                    if (close + 1 - i == opaque.length() && header.regionMatches(i, opaque, 0, opaque.length())) {
                        return true;
                    }
                    i = close + 1;
                } else {
                    int comma = header.indexOf(',', start);
                    i = comma < 0 ? n : comma + 1;
                }
            }
        }
        return false;
    }

    /** The quoted opaque part of a tag, without any {@code W/} prefix. */
    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
