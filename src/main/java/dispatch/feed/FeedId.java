package dispatch.feed;

/**
 * The one rule for feed ids: 1 to 64 lowercase ASCII letters, digits, {@code -} and {@code _},
 * starting with a letter or digit. A feed id is its folder's name and its URL path segment, so
 * the rule also keeps ids from ever naming a path outside the feeds folder.
 */
public final class FeedId {

    /** The rule, for people. */
    public static final String RULE = "use 1 to 64 lowercase letters, digits, '-' and '_', starting with a letter or digit";

    private static final int MAX_LENGTH = 64;

    private FeedId() {
    }

    /** Whether {@code s} is a feed id; checked without a regular expression, on every request. */
    public static boolean isValid(String s) {
        int n = s == null ? 0 : s.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '-' && c != '_')) {
                return false;
            }
        }
        return true;
    }
}
