package dispatch.web;

/** Reads {@code Accept-Encoding} (RFC 9110 §12.5.3) for the one coding Dispatch precomputes. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * Whether the response should be gzip-coded: gzip (or {@code x-gzip}, or {@code *} when
     * neither is named) is acceptable, with a quality no lower than that of {@code identity}
     * (named, or through {@code *}). Only a client that ranks identity above gzip, or refuses
     * gzip, gets the identity body; a tie goes to the smaller gzip body.
     */
    public static boolean allowsGzip(String header) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        if (header.indexOf(';') < 0 && header.indexOf('"') < 0) {
            // no quality values (the common case, "gzip, deflate, br"): gzip or * listed means yes
            return containsToken(header, "gzip") || containsToken(header, "x-gzip") || containsToken(header, "*");
        }
        Qualities q = new Qualities();
        HeaderList.forEach(header, q::add);
        double gzip = q.gzip >= 0 ? q.gzip : q.star;
        double identity = q.identity >= 0 ? q.identity : q.star;
        return gzip > 0 && gzip >= identity;
    }

    /** The qualities a header gives gzip, identity and {@code *}; -1 where it names none. */
    private static final class Qualities {
        double gzip = -1;
        double identity = -1;
        double star = -1;

        void add(String coding, double quality) {
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, quality);
                case "identity" -> identity = Math.max(identity, quality);
                case "*" -> star = Math.max(star, quality);
                default -> {
                    // another coding: Dispatch has only gzip and identity bodies
                }
            }
        }
    }

    /** Whether the comma-separated list holds {@code token} (lowercase) as a whole member, ignoring ASCII case and white space. */
    private static boolean containsToken(String list, String token) {
        int from = 0;
        while (true) {
            int comma = list.indexOf(',', from);
            int end = comma < 0 ? list.length() : comma;
            int start = from;
            while (start < end && HeaderList.isOws(list.charAt(start))) {
                start++;
            }
            int stop = end;
            while (stop > start && HeaderList.isOws(list.charAt(stop - 1))) {
                stop--;
            }
            if (stop - start == token.length() && equalsIgnoringAsciiCase(list, start, token)) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
    }

    private static boolean equalsIgnoringAsciiCase(String s, int start, String lowercaseToken) {
        for (int i = 0; i < lowercaseToken.length(); i++) {
            char c = s.charAt(start + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowercaseToken.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
