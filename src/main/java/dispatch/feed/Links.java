package dispatch.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Builds every absolute URL and id Dispatch publishes from the configured public base URL, so
 * that feeds never carry a relative link.
 */
public final class Links {

    private final String base;
    private final String tagAuthority;

    /**
     * Links under {@code baseUrl}, such as {@code https://news.example.org} or
     * {@code https://example.org/dispatch}.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL
     */
    public Links(String baseUrl) {
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("the base URL must be an absolute http or https URL, was '" + baseUrl + "'");
        }
        String s = uri.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.tagAuthority = uri.getHost().toLowerCase(java.util.Locale.ROOT);
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The site's index page. */
    public String index() {
        return base + "/";
    }

    /** The OPML subscription list of every feed. */
    public String opml() {
        return base + "/feeds.opml";
    }

    /** A feed's HTML home page. */
    public String feedHome(String feedId) {
        return base + "/feeds/" + feedId + "/";
    }

    /** A feed document in one format. */
    public String feed(String feedId, FeedFormat format) {
        return base + "/feeds/" + feedId + "/" + format.fileName();
    }

    /** An article's permalink page. */
    public String permalink(String feedId, String slug) {
        return base + "/feeds/" + feedId + "/" + slug;
    }

    /**
     * A tag URI (RFC 4151) naming an article for good: the base URL's host, the date the article
     * was published and its path, such as {@code tag:example.org,2018-09-07:/feeds/world/idlib}.
     */
    public String tag(String feedId, String slug, Instant published) {
        LocalDate day = LocalDate.ofInstant(published, ZoneOffset.UTC);
        return "tag:" + tagAuthority + "," + day + ":/feeds/" + feedId + "/" + slug;
    }
}
