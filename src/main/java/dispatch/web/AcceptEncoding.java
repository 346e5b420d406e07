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
}
