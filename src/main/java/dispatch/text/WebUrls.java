package dispatch.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one rule for a web address Dispatch publishes or accepts: an absolute http or https URL with a host. */
public final class WebUrls {

    private WebUrls() {
    }

    /** Whether {@code url} is an absolute http or https URL with a host. */
    public static boolean isAbsolute(String url) {
        try {
            return isAbsolute(new URI(url));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether {@code uri} is an absolute http or https URL with a host. */
    public static boolean isAbsolute(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }
}
