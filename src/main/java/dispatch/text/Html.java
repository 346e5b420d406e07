package dispatch.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escapes text for HTML and XML, and makes the URLs in generated HTML absolute. */
public final class Html {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(href|src)=\"([^\"]*)\"");

    private Html() {
    }

    /**
     * {@code html} with every relative {@code href} and {@code src} resolved against {@code base},
     * so that content works wherever a reader shows it. Meant for HTML this project generated,
     * whose attributes are always double-quoted; an unresolvable URL is dropped.
     */
    public static String absoluteUrls(String html, String base) {
        if (html.indexOf("href=") < 0 && html.indexOf("src=") < 0) {
            return html;
        }
        URI baseUri = URI.create(base);
        Matcher m = URL_ATTRIBUTE.matcher(html);
        StringBuilder sb = new StringBuilder(html.length() + 64);
        while (m.find()) {
            String url = unescape(m.group(2));
            String resolved;
            try {
                resolved = url.isEmpty() ? "" : baseUri.resolve(new URI(url)).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                resolved = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "=\"" + escape(resolved) + "\""));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
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
