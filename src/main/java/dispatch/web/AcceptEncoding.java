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
            boolean acceptable = quality(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return acceptable;
            }
            if (coding.equals("*")) {
                star = acceptable;
            }
        }
        return star != null && star;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
