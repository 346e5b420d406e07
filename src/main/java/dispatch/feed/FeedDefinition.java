package dispatch.feed;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed as its {@code feed.yaml} describes it.
 *
 * @param id the feed's name: its folder under {@code feeds/} and its URL path segment
 * @param title the feed's title
 * @param description what the feed is about
 * @param language an RFC 5646 language tag such as {@code en} or {@code en-GB}
 * @param author the feed's author, for Atom's required {@code author} and JSON Feed's
 *     {@code authors}
 * @param ttl how long readers and caches may keep the feed: RSS {@code ttl} and HTTP
 *     {@code max-age}
 * @param related how related headlines are published
 * @param limit how many entries a feed document holds, newest first
 * @param syndication images, rights, categories, the publisher's site and the content mode
 */
public record FeedDefinition(
        String id,
        String title,
        String description,
        Optional<String> language,
        String author,
        Duration ttl,
        RelatedMode related,
        int limit,
        Syndication syndication) {

    /** The {@code ttl} used when {@code feed.yaml} has none. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    /** The {@code limit} used when {@code feed.yaml} has none. */
    public static final int DEFAULT_LIMIT = 50;

    /** Checks the definition. */
    public FeedDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(related, "related");
        Objects.requireNonNull(syndication, "syndication");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** A definition with nothing beyond the basics ({@link Syndication#NONE}). */
    public FeedDefinition(String id, String title, String description, Optional<String> language, String author, Duration ttl,
            RelatedMode related, int limit) {
        this(id, title, description, language, author, ttl, related, limit, Syndication.NONE);
    }

    /** This definition with {@code other} images, rights, categories, site link and content mode. */
    public FeedDefinition withSyndication(Syndication other) {
        return new FeedDefinition(id, title, description, language, author, ttl, related, limit, other);
    }

    /** This definition under another {@code id} and {@code title}, for a feed derived from it. */
    public FeedDefinition derived(String newId, String newTitle, String newDescription) {
        return new FeedDefinition(newId, newTitle, newDescription, language, author, ttl, related, limit, syndication);
    }
}
