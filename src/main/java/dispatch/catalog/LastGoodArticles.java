package dispatch.catalog;

import dispatch.feed.Post;
import dispatch.feed.PublishedPost;
import dispatch.source.FeedLoader;
import dispatch.source.LoadedFeed;
import dispatch.source.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article that was good and no longer parses keeps its last good version: the one served, while
 * its file is reported as a problem.
 */
final class LastGoodArticles {

    private LastGoodArticles() {
    }

    /** {@code feed} with the served version of each article whose file is now a problem, if it was good before in {@code previous}. */
    static LoadedFeed kept(LoadedFeed feed, RenderedFeed previous, List<Problem> problems) {
        Set<String> slugs = new HashSet<>();
        feed.posts().forEach(p -> slugs.add(p.slug()));
        Map<String, Post> served = new HashMap<>();
        previous.snapshot().posts().stream().map(PublishedPost::post).forEach(p -> served.put(p.slug(), p));
        List<Post> posts = new ArrayList<>(feed.posts());
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            String slug = FeedLoader.slugOf(problem.file());
            Post good = served.get(slug);
            if (good != null && slugs.add(slug)) {
                posts.add(good);
                problems.set(i, new Problem(problem.file(), problem.reason() + " (serving its last good version)"));
            }
        }
        if (posts.size() == feed.posts().size()) {
            return feed;
        }
        posts.sort(Comparator.comparing(Post::slug));
        return new LoadedFeed(feed.definition(), posts);
    }
}
