package dispatch.web;

import io.vertx.core.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security headers of HTML pages: a {@code Content-Security-Policy} that allows no script
 * and nothing from elsewhere (only the page's own {@code <style>} blocks, by their hashes), no
 * framing ({@code frame-ancestors}, and {@code X-Frame-Options} for older browsers), and a
 * {@code Referrer-Policy} that tells other sites only the origin a reader came from.
 */
public final class PageSecurity {

    static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    static final CharSequence X_FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    static final CharSequence STRICT_ORIGIN = HttpHeaders.createOptimized("strict-origin-when-cross-origin");

    /** The policy of responses with no markup at all, such as problem details. */
    static final CharSequence NOTHING_ALLOWED = HttpHeaders.createOptimized("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Pattern LEAD_IMAGE = Pattern.compile("<img class=\"lead\" src=\"([^\"]*)\"");

    private PageSecurity() {
    }

    /**
     * The {@code Content-Security-Policy} of {@code html}: nothing but its own inline styles and,
     * on an article's page, its lead image (that URL only).
     */
    public static CharSequence policyFor(String html) {
        Set<String> hashes = new LinkedHashSet<>();
        Matcher m = STYLE.matcher(html);
        while (m.find()) {
            hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        String styles = hashes.isEmpty() ? "" : "; style-src " + String.join(" ", hashes);
        Matcher image = LEAD_IMAGE.matcher(html);
        String images = image.find() ? "; img-src " + image.group(1).replace("&amp;", "&").replace(";", "%3B").replace(",", "%2C").replace(" ", "%20") : "";
        return HttpHeaders.createOptimized("default-src 'none'" + styles + images + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
