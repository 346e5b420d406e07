package dispatch.web;

import java.util.ArrayList;
import java.util.List;

/** Entity tag lists as in {@code If-None-Match} and {@code If-Match} (RFC 9110 §8.8.3, §13.1). */
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
        return matches(header, etag, false);
    }

    /**
     * Whether the header value is {@code *} or lists {@code etag} under the strong comparison, as
     * {@code If-Match} needs (RFC 9110 §13.1.1): a weak tag, in the list or current, never
     * matches. Malformed list members are skipped; a quoted tag may contain commas.
     *
     * @param header an {@code If-Match} value, such as {@code "a", "b"}
     * @param etag the current tag, quoted, such as {@code "b"}
     */
    public static boolean matchesStrongly(String header, String etag) {
        return !etag.startsWith("W/") && matches(header, etag, true);
    }

    /**
     * The strong entity tags a header value lists, quoted, in order: weak tags, {@code *} and
     * malformed members are left out.
     */
    public static List<String> strongTags(String header) {
        List<String> tags = new ArrayList<>(2);
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == '"') {
                int close = header.indexOf('"', i + 1);
                if (close < 0) {
                    break;
                }
                tags.add(header.substring(i, close + 1));
                i = close + 1;
            } else if (c == 'W' && header.startsWith("W/\"", i)) {
                int close = header.indexOf('"', i + 3);
                i = close < 0 ? n : close + 1;
            } else {
                i++;
            }
        }
        return tags;
    }

    private static boolean matches(String header, String etag, boolean strong) {
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
                boolean weak = header.startsWith("W/", i);
                if (weak) {
                    i += 2;
                }
                if (i < n && header.charAt(i) == '"') {
                    int close = header.indexOf('"', i + 1);
                    if (close < 0) {
                        return false;
                    }
                    if (!(strong && weak) && close + 1 - i == opaque.length() && header.regionMatches(i, opaque, 0, opaque.length())) {
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
