package dispatch.feed;

import java.util.List;

/**
 * A post with what publishing it decided: its id, its permalink and where each related headline
 * points.
 *
 * @param post the post
 * @param id the article entry's id
 * @param permalink the absolute URL of its page
 * @param headlines its related headlines, in order
 */
public record PublishedPost(Post post, String id, String permalink, List<Headline> headlines) {

    /** Creates a published post; the list is copied. */
    public PublishedPost {
        headlines = List.copyOf(headlines);
    }

    /**
     * A related headline and where it points.
     *
     * @param text the headline
     * @param fragment the anchor that marks it on the article's page
     * @param href the absolute URL it links to: its own entry's link, another article of the same
     *     feed whose title it is, or the anchor on the article's page
     * @param target what {@code href} points at
     */
    public record Headline(String text, String fragment, String href, Target target) {

        /** Whether the headline is published as an entry of its own. */
        public boolean hasEntry() {
            return target == Target.ENTRY;
        }

        /** Whether the headline links to another article rather than to its own anchor. */
        public boolean linksToArticle() {
            return target == Target.ARTICLE;
        }
    }

    /** What a related headline links to. */
    public enum Target {
        /** Its own entry (and the anchor on the article's page). */
        ENTRY,
        /** Another article of the same feed, whose title it is. */
        ARTICLE,
        /** Only the anchor on the article's page ({@link RelatedMode#LINKS}). */
        ANCHOR
    }
}
