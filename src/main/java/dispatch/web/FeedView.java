package dispatch.web;

import dispatch.feed.FeedDefinition;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;

/**
 * What a page shows of a feed: its names and the URLs to subscribe to.
 *
 * @param id the feed's id
 * @param title its title
 * @param description its description
 * @param language its language tag, or {@code en}
 * @param home its HTML home page
 * @param rss its RSS 2.0 URL
 * @param atom its Atom 1.0 URL
 * @param json its JSON Feed 1.1 URL
 * @param site the site's index page
 */
public record FeedView(String id, String title, String description, String language, String home, String rss, String atom,
        String json, String site) {

    /** The view of {@code definition}, with URLs from {@code links}. */
    public static FeedView of(FeedDefinition definition, Links links) {
        String id = definition.id();
        return new FeedView(id, definition.title(), definition.description(), definition.language().orElse("en"),
                links.feedHome(id), links.feed(id, FeedFormat.RSS), links.feed(id, FeedFormat.ATOM),
                links.feed(id, FeedFormat.JSON), links.index());
    }
}
