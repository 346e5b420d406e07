package dispatch.source;

import dispatch.feed.FeedDefinition;
import dispatch.feed.Post;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed as read from its folder: its definition and every article that could be published.
 *
 * @param definition the feed's {@code feed.yaml}
 * @param posts the articles, in file-name order; drafts and bad files left out
 * @param files the files of the folder that the definition and the articles name (icon, logo,
 *     images, enclosures), by name
 */
public record LoadedFeed(FeedDefinition definition, List<Post> posts, Map<String, byte[]> files) {

    /** Creates a loaded feed; the list and map are copied. */
    public LoadedFeed {
        posts = List.copyOf(posts);
        files = Map.copyOf(files);
    }

    /** A loaded feed that names no files. */
    public LoadedFeed(FeedDefinition definition, List<Post> posts) {
        this(definition, posts, Map.of());
    }

    /** The size of each file, by name. */
    public Map<String, Long> fileSizes() {
        Map<String, Long> sizes = new HashMap<>();
        files.forEach((name, bytes) -> sizes.put(name, (long) bytes.length));
        return sizes;
    }
}
