package dispatch.web;

import java.util.Locale;

/** Reads {@code Accept-Encoding} (RFC 9110 §12.5.3) for the one coding Dispatch precomputes. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * Whether a response may be gzip-coded: {@code gzip} (or {@code x-gzip}, or {@code *} when gzip
     * is not named) is listed with a non-zero quality.
     */
    public static boolean allowsGzip(String header) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        if (header.indexOf(';') < 0) {
            // no quality values (the common case, "gzip, deflate, br"): gzip or * listed means yes
            return containsToken(header, "gzip") || containsToken(header, "x-gzip") || containsToken(header, "*");
        }
        Boolean star = null;
        for (String member : header.split(",")) {
            String[] parts = member.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean acceptable = Quality.of(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return acceptable;
            }
            if (coding.equals("*")) {
                star = acceptable;
            }
        }
        return star != null && star;
    }

    /** Whether the comma-separated list holds {@code token} as a whole member, ignoring case and spaces. */
    private static boolean containsToken(String list, String token) {
        int from = 0;
        while (true) {
            int comma = list.indexOf(',', from);
            int end = comma < 0 ? list.length() : comma;
            int start = from;
            while (start < end && (list.charAt(start) == ' ' || list.charAt(start) == '\t')) {
                start++;
            }
            int stop = end;
            while (stop > start && (list.charAt(stop - 1) == ' ' || list.charAt(stop - 1) == '\t')) {
                stop--;
            }
            if (stop - start == token.length() && list.regionMatches(true, start, token, 0, token.length())) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
    }
}
