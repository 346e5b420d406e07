package dispatch.feed;

import dispatch.article.Media;
import dispatch.text.WebUrls;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Builds every absolute URL and id Dispatch publishes from the configured public base URL, so
 * that feeds never carry a relative link.
 */
public final class Links {

    private final String base;
    private final String tagAuthority;
    private final List<String> hubs;

    /**
     * Links under {@code baseUrl}, such as {@code https://news.example.org} or
     * {@code https://example.org/dispatch}, advertising no WebSub hub.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL
     */
    public Links(String baseUrl) {
        this(baseUrl, List.of());
    }

    /**
     * Links under {@code baseUrl} whose feeds advertise the WebSub {@code hubs}, in order.
     *
     * @throws IllegalArgumentException if {@code baseUrl} or a hub is not an absolute http(s) URL
     */
    public Links(String baseUrl, List<String> hubs) {
        for (String hub : hubs) {
            if (!WebUrls.isAbsolute(hub)) {
                throw new IllegalArgumentException("a WebSub hub must be an absolute http or https URL, was '" + hub + "'");
            }
        }
        this.hubs = List.copyOf(hubs);
        URI uri = URI.create(baseUrl.strip());
        if (!WebUrls.isAbsolute(uri)) {
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

    /** These links advertising no hub: for feeds no hub takes as topics (category and combined feeds). */
    public Links withoutHubs() {
        return hubs.isEmpty() ? this : new Links(base, List.of());
    }

    /** The WebSub hubs every feed advertises, the first preferred; empty when there are none. */
    public List<String> hubs() {
        return hubs;
    }

    /** Dispatch's own WebSub hub under this base URL. */
    public String ownHub() {
        return base + "/websub";
    }

    /**
     * The HTTP {@code Link} header of feed document {@code feedId} in {@code format}: {@code self}
     * first (some subscribers read only the first link), then each hub.
     */
    public String linkHeader(String feedId, FeedFormat format) {
        StringBuilder header = new StringBuilder("<").append(feed(feedId, format)).append(">; rel=\"self\"");
        for (String hub : hubs) {
            header.append(", <").append(hub).append(">; rel=\"hub\"");
        }
        return header.toString();
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

    /** A file served from a feed's folder: its icon, logo, or an article's image or enclosure. */
    public String file(String feedId, String name) {
        return base + "/feeds/" + feedId + "/" + name;
    }

    /** An image or file a feed names: a file name in its folder as served, an absolute URL as it is. */
    public String asset(String feedId, String urlOrFileName) {
        return Media.isFileName(urlOrFileName) ? file(feedId, urlOrFileName) : urlOrFileName;
    }

    /** A category feed's document in one format. */
    public String categoryFeed(String feedId, String category, FeedFormat format) {
        return base + "/feeds/" + feedId + "/categories/" + category + "/" + format.fileName();
    }

    /** A category feed's HTML page. */
    public String categoryHome(String feedId, String category) {
        return base + "/feeds/" + feedId + "/categories/" + category + "/";
    }

    /** Archive page {@code page} (from 1, the oldest) of a feed, in one format (RFC 5005 §4). */
    public String archive(String feedId, int page, FeedFormat format) {
        return archiveHome(feedId, page) + format.fileName();
    }

    /** The HTML page of a feed's archive page {@code page}, for people. */
    public String archiveHome(String feedId, int page) {
        return base + "/feeds/" + feedId + "/archive/" + page + "/";
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
