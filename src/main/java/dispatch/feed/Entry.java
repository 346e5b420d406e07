package dispatch.feed;

import dispatch.article.Media;
import dispatch.text.PackedBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed entry, the same in every format: an article, or one of its related headlines.
 *
 * @param id a stable id (an IRI): the same across restarts, replicas and edits
 * @param title the entry's title, plain text
 * @param link the absolute URL of the page the entry stands for
 * @param summary a plain-text summary, if the entry has one
 * @param content the content as HTML whose text is escaped, packed ({@link #contentHtml()} reads it)
 * @param published when the entry was first published
 * @param updated when it last changed
 * @param author the author's name, if the entry has its own
 * @param categories tags
 * @param related links to related entries and articles
 * @param externalUrl the article's original address, when it was published elsewhere first
 * @param contributors the people its credit lines name (reporting, editing)
 * @param image the lead image, at an absolute URL
 * @param enclosures files that go with it, at absolute URLs
 */
public record Entry(
        String id,
        String title,
        String link,
        Optional<String> summary,
        PackedBytes content,
        Instant published,
        Instant updated,
        Optional<String> author,
        List<String> categories,
        List<RelatedLink> related,
        Optional<String> externalUrl,
        List<String> contributors,
        Optional<Media.Image> image,
        List<Media.Enclosure> enclosures) {

    /** Checks the entry; lists are copied. */
    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(content, "content");
        categories = List.copyOf(categories);
        related = List.copyOf(related);
        contributors = List.copyOf(contributors);
        enclosures = List.copyOf(enclosures);
    }

    /** An entry whose content is {@code contentHtml}, HTML whose text is escaped; lists are copied. */
    public Entry(String id, String title, String link, Optional<String> summary, String contentHtml, Instant published, Instant updated,
            Optional<String> author, List<String> categories, List<RelatedLink> related, Optional<String> externalUrl,
            List<String> contributors, Optional<Media.Image> image, List<Media.Enclosure> enclosures) {
        this(id, title, link, summary, PackedBytes.of(Objects.requireNonNull(contentHtml, "contentHtml").getBytes(StandardCharsets.UTF_8)),
                published, updated, author, categories, related, externalUrl, contributors, image, enclosures);
    }

    /** The content as HTML whose text is escaped, unpacked. */
    public String contentHtml() {
        return new String(content.bytes(), StandardCharsets.UTF_8);
    }

    /** This entry, updated at {@code time}. */
    public Entry updatedAt(Instant time) {
        return new Entry(id, title, link, summary, content, published, time, author, categories, related, externalUrl, contributors,
                image, enclosures);
    }

    /**
     * A link from an entry to a related entry or article.
     *
     * @param href the absolute URL
     * @param title the related headline
     */
    public record RelatedLink(String href, String title) {
    }

    /**
     * A 64-bit print of everything this entry publishes: two independent 32-bit hashes, the
     * record's own over every field and FNV-1a over its id, title, {@code updated} time and its
     * content's length and CRC-32C, so that an entry changed in any way has another print.
     */
    public long print() {
        int fnv = 0x811c9dc5;
        for (String s : new String[] {id, title, updated.toString(), content.length() + ":" + content.crc()}) {
            for (int i = 0; i < s.length(); i++) {
                fnv = (fnv ^ s.charAt(i)) * 0x01000193;
            }
        }
        return ((long) hashCode() << 32) | (fnv & 0xffffffffL);
    }
}
