package dispatch.feed;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code feed.yaml} says beyond the basics, for aggregators and republishers: the feed's
 * images, its rights, its categories, the publisher's site, and whether entries carry the whole
 * text.
 *
 * @param icon a square image: an absolute URL or a file in the feed folder
 * @param logo a wide image: an absolute URL or a file in the feed folder
 * @param rights a copyright or licence statement
 * @param license the licence's URL
 * @param categories the feed's categories
 * @param link the publisher's site
 * @param content full text or summaries
 */
public record Syndication(Optional<String> icon, Optional<String> logo, Optional<String> rights, Optional<String> license,
        List<String> categories, Optional<String> link, ContentMode content) {

    /** Nothing beyond the basics: full text. */
    public static final Syndication NONE = new Syndication(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), Optional.empty(), ContentMode.FULL);

    /** Copies the list. */
    public Syndication {
        categories = List.copyOf(categories);
    }

    /** What feed entries carry. */
    public enum ContentMode {
        /** The article's whole text. */
        FULL,
        /** Its summary and a link to the permalink page, never the text. */
        SUMMARY
    }
}
