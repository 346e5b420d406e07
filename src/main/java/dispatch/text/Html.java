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
        int i = firstSpecial(text, 0);
        if (i < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        escapeFrom(text, i, sb.append(text, 0, i));
        return sb.toString();
    }

    /** Appends {@code text} to {@code out} escaped as {@link #escape(String)} does; returns {@code out}. */
    public static StringBuilder escape(String text, StringBuilder out) {
        int i = firstSpecial(text, 0);
        return i < 0 ? out.append(text) : escapeFrom(text, i, out.append(text, 0, i));
    }

    /** Appends text[from..] escaped, where text[from] is a special character; copies runs between them whole. */
    private static StringBuilder escapeFrom(String text, int from, StringBuilder out) {
        int i = from;
        while (i >= 0) {
            out.append(reference(text.charAt(i)));
            int next = firstSpecial(text, i + 1);
            out.append(text, i + 1, next < 0 ? text.length() : next);
            i = next;
        }
        return out;
    }

    private static int firstSpecial(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (reference(text.charAt(i)) != null) {
                return i;
            }
        }
        return -1;
    }

    private static String reference(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
