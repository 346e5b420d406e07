package dispatch.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An article as parsed from its text: the headline, its related headlines, the body, and the
 * metadata its front matter gave. Dates the text does not give are left empty; the caller decides
 * on fallbacks (file name, modification time).
 *
 * @param title the headline, or the front matter's {@code title}
 * @param related related headlines, in the order they appear
 * @param body paragraphs and subheadings, page furniture removed
 * @param meta what the front matter said
 * @param page what the page's own lines said (byline, date line, credits, topics)
 */
public record Article(String title, List<String> related, List<Block> body, FrontMatter meta, PageFacts page) {

    /** Creates an article; lists are copied and must not hold nulls, and the body is kept packed ({@link PackedBlocks}). */
    public Article {
        related = List.copyOf(related);
        body = PackedBlocks.of(body); // copied as it is packed
    }

    /** An article whose page said nothing beyond its text. */
    public Article(String title, List<String> related, List<Block> body, FrontMatter meta) {
        this(title, related, body, meta, PageFacts.NONE);
    }

    /** The author: the front matter's, else the byline's. */
    public Optional<String> author() {
        return meta.author().or(page::author);
    }

    /** The categories: the front matter's, else the page's trailing topics. */
    public List<String> categories() {
        return meta.categories().isEmpty() ? page.topics() : meta.categories();
    }

    /**
     * The summary: the front matter's {@code summary}, else the first paragraph, else empty.
     */
    public Optional<String> summary() {
        if (meta.summary().isPresent()) {
            return meta.summary();
        }
        return body.stream().filter(Block::isParagraph).map(Block::text).findFirst();
    }

    /** The number of paragraphs (subheadings not counted). */
    public long paragraphCount() {
        return body.stream().filter(Block::isParagraph).count();
    }

    /** The published date the front matter gave, if any. */
    public Optional<Instant> date() {
        return meta.date();
    }
}
