package dispatch.feed;

import dispatch.article.Article;
import java.time.Instant;
import java.util.Objects;

/**
 * An article as published in a feed: where it lives and when it was published and last changed.
 *
 * @param slug the article's last URL path segment, unique within its feed
 * @param article the parsed article
 * @param published when it was first published
 * @param updated when it last changed; never before {@code published}
 */
public record Post(String slug, Article article, Instant published, Instant updated) {

    /** Checks the post. */
    public Post {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        if (updated.isBefore(published)) {
            updated = published;
        }
    }

    /** The title the post is published under. */
    public String title() {
        return article.title();
    }
}
