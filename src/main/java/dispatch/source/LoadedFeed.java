package dispatch.source;

import dispatch.feed.FeedDefinition;
import dispatch.feed.Post;
import java.util.List;

/**
 * A feed as read from its folder: its definition and every article that could be published.
 *
 * @param definition the feed's {@code feed.yaml}
 * @param posts the articles, in file-name order; drafts and bad files left out
 */
public record LoadedFeed(FeedDefinition definition, List<Post> posts) {

    /** Creates a loaded feed; the list is copied. */
    public LoadedFeed {
        posts = List.copyOf(posts);
    }
}
