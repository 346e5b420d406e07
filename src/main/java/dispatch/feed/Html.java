package dispatch.feed;

/** Escapes text for HTML and XML element content and attribute values. */
public final class Html {

    private Html() {
    }

    /** {@code text} with {@code & < > " '} replaced by character references. */
    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            String ref = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (ref != null) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(ref);
            } else if (sb != null) {
                sb.append(text.charAt(i));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
