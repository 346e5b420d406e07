package dispatch.web;

/**
 * Reads a comma-separated header list whose members carry parameters and a weight, as
 * {@code Accept} and {@code Accept-Encoding} do (RFC 9110 §5.6.1, §5.6.6, §12.4.2). Commas and
 * semicolons inside quoted strings do not split; empty members ({@code ,,} or a lone {@code ;})
 * are skipped. Never throws, whatever the header holds.
 */
final class HeaderList {

    /** Receives each member of a list. */
    @FunctionalInterface
    interface MemberHandler {
        /**
         * One member.
         *
         * @param value the member's value without parameters, stripped and in lowercase
         * @param quality its {@code q} weight: 1 when absent, 0 when not a valid qvalue
         */
        void member(String value, double quality);
    }

    private HeaderList() {
    }

    /** Passes each member of {@code header} to {@code handler}, in order. */
    static void forEach(String header, MemberHandler handler) {
        int n = header.length();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? header.charAt(i) : ',';
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                if (i < n) {
                    continue;
                }
            } else if (c == '"') {
                quoted = true;
                continue;
            }
            if (c == ',' || i >= n) {
                member(header, start, Math.min(i, n), handler);
                start = i + 1;
            }
        }
    }

    /** Reads one member, {@code header[from, to)}: its value up to the first {@code ;}, then its parameters. */
    private static void member(String header, int from, int to, MemberHandler handler) {
        int semicolon = indexOutsideQuotes(header, ';', from, to);
        String value = lowerCase(trim(header, from, semicolon));
        if (value.isEmpty()) {
            return;
        }
        double quality = 1;
        int p = semicolon;
        while (p < to) {
            int next = indexOutsideQuotes(header, ';', p + 1, to);
            String parameter = header.substring(p + 1, next);
            int eq = parameter.indexOf('=');
            if (eq > 0 && trim(parameter, 0, eq).equalsIgnoreCase("q")) {
                quality = quality(trim(parameter, eq + 1, parameter.length()));
                break;
            }
            p = next;
        }
        handler.member(value, quality);
    }

    /** {@code s[from, to)} without the optional white space (spaces and tabs) around it. */
    static String trim(String s, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isOws(s.charAt(start))) {
            start++;
        }
        while (end > start && isOws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Whether {@code c} is optional white space in HTTP (RFC 9110 §5.6.3): a space or a tab. */
    static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code s} with ASCII letters in lowercase: header tokens are ASCII, compared without case. */
    static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** The first {@code c} in {@code s[from, to)} outside a quoted string, or {@code to}. */
    private static int indexOutsideQuotes(String s, char c, int from, int to) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == c) {
                return i;
            }
        }
        return to;
    }

    /**
     * A qvalue ({@code 0} to {@code 1}, at most three decimals); anything else counts as 0,
     * refusing rather than guessing.
     */
    static double quality(String value) {
        int n = value.length();
        if (n == 0 || n > 5 || value.charAt(0) != '0' && value.charAt(0) != '1') {
            return 0;
        }
        if (n > 1 && value.charAt(1) != '.') {
            return 0;
        }
        for (int i = 2; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9' || value.charAt(0) == '1' && c != '0') {
                return 0;
            }
        }
        return n <= 2 ? value.charAt(0) - '0' : Double.parseDouble(value);
    }
}
