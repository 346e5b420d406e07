package dispatch.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the lines of a saved page said about the story, as found by {@link PageShapes}: its byline,
 * its date line, its credit lines and its topics. Front matter, where it says the same, wins.
 *
 * @param author the byline's names, such as "Jane Smith and John Doe"
 * @param date the first date line's date (midnight UTC when it gives no time)
 * @param contributors the names of the credit lines (reporting, editing, "contributed to this report")
 * @param topics the trailing topic or tag list
 * @param dateline the place of the first paragraph's dateline, such as "ISTANBUL"
 */
public record PageFacts(Optional<String> author, Optional<Instant> date, List<String> contributors, List<String> topics,
        Optional<String> dateline) {

    /** A page that said nothing of the kind. */
    public static final PageFacts NONE = new PageFacts(Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());

    /** Copies the lists. */
    public PageFacts {
        contributors = List.copyOf(contributors);
        topics = List.copyOf(topics);
    }
}
