package dispatch.websub;

import dispatch.catalog.Catalog;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedId;
import dispatch.feed.Links;
import dispatch.feed.Representation;
import java.util.Optional;
import java.util.function.Supplier;

/** The hub's topics: the URL of every feed document Dispatch serves, and the document served there now. */
final class Topics {

    /**
     * One topic.
     *
     * @param url the feed document's URL, as feeds name it ({@code self})
     * @param feedId the feed
     * @param format the document's format
     */
    record Topic(String url, String feedId, FeedFormat format) {
    }

    private final Links links;
    private final Supplier<Catalog> catalog;
    private final String prefix;

    /** The topics of {@code catalog}'s feeds, named with {@code links}. */
    Topics(Links links, Supplier<Catalog> catalog) {
        this.links = links;
        this.catalog = catalog;
        this.prefix = links.base() + "/feeds/";
    }

    /** The topic at {@code url}: a feed document URL whose feed is published. */
    Optional<Topic> find(String url) {
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, slash);
        FeedFormat format = FeedFormat.byFileName(rest.substring(slash + 1));
        if (format == null || !FeedId.isValid(id) || !catalog.get().feeds().containsKey(id)) {
            return Optional.empty();
        }
        return Optional.of(new Topic(url, id, format));
    }

    /** The topic of feed {@code feedId} in {@code format}. */
    Topic of(String feedId, FeedFormat format) {
        return new Topic(links.feed(feedId, format), feedId, format);
    }

    /** The document served at {@code topic} now, if its feed is published. */
    Optional<Representation> current(Topic topic) {
        RenderedFeed feed = catalog.get().feeds().get(topic.feedId());
        return feed == null ? Optional.empty() : feed.document(topic.format());
    }

    /** The ETag of the document served at topic {@code url} now, if it is one of Dispatch's. */
    Optional<String> currentEtag(String url) {
        return find(url).flatMap(this::current).map(Representation::etag);
    }

    /** The HTTP {@code Link} header that goes with {@code topic}'s document: self first, then the hubs. */
    String linkHeader(Topic topic) {
        return links.linkHeader(topic.feedId(), topic.format());
    }

    /** An example topic URL, for people. */
    String example() {
        String id = catalog.get().feeds().keySet().stream().sorted().findFirst().orElse("news");
        return links.feed(id, FeedFormat.ATOM);
    }
}
