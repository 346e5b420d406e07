package dispatch.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Metadata from an article's YAML front matter. Every field is optional; an article without front
 * matter has {@link #EMPTY}.
 *
 * @param title overrides the headline
 * @param date the published date
 * @param updated the date of the last change
 * @param id the entry id, used as is in every feed format
 * @param link the article's original address, if it was published elsewhere first
 * @param author the author's name
 * @param categories tags for the entry
 * @param summary overrides the first paragraph as the summary
 * @param related related headlines; when present, detection from the text is off
 * @param draft a draft is never published
 * @param image the lead image
 * @param enclosures files that go with the article
 */
public record FrontMatter(
        Optional<String> title,
        Optional<Instant> date,
        Optional<Instant> updated,
        Optional<String> id,
        Optional<String> link,
        Optional<String> author,
        List<String> categories,
        Optional<String> summary,
        Optional<List<String>> related,
        boolean draft,
        Optional<Media.Image> image,
        List<Media.Enclosure> enclosures) {

    /** No front matter at all. */
    public static final FrontMatter EMPTY = new FrontMatter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), Optional.empty(), false, Optional.empty(), List.of());

    /** Creates front matter; lists are copied. */
    public FrontMatter {
        categories = List.copyOf(categories);
        related = related.map(List::copyOf);
        enclosures = List.copyOf(enclosures);
    }
}
