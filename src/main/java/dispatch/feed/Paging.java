package dispatch.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one feed document sits among the feed's RFC 5005 archives (§4): the current document
 * ({@code page} 0), or archive page {@code page} of {@code pages}, numbered from the oldest.
 *
 * @param page 0 for the current document, else the archive page's number, from 1
 * @param pages how many archive pages the feed has
 */
public record Paging(int page, int pages) {

    /** A document of a feed without archives. */
    public static final Paging NONE = new Paging(0, 0);

    /** An RFC 5005 link: its relation and target. */
    public record Link(String rel, String href) {
    }

    /** The current document of a feed with {@code pages} archive pages. */
    public static Paging current(int pages) {
        return new Paging(0, pages);
    }

    /** Whether this is an archive page rather than the current document. */
    public boolean isArchive() {
        return page > 0;
    }

    /** The URL of this document of feed {@code id} in {@code format}. */
    public String self(Links links, String id, FeedFormat format) {
        return isArchive() ? links.archive(id, page, format) : links.feed(id, format);
    }

    /**
     * The URL of the next older document in {@code format}, the one JSON Feed's {@code next_url}
     * names, or null for the oldest.
     */
    public String older(Links links, String id, FeedFormat format) {
        int older = isArchive() ? page - 1 : pages;
        return older >= 1 ? links.archive(id, older, format) : null;
    }

    /**
     * The RFC 5005 links of this document: {@code prev-archive} from the current document to the
     * newest archive page; {@code current}, {@code prev-archive} (older) and {@code next-archive}
     * (newer) from an archive page.
     */
    public List<Link> links(Links links, String id, FeedFormat format) {
        List<Link> out = new ArrayList<>(3);
        if (isArchive()) {
            out.add(new Link("current", links.feed(id, format)));
        }
        String older = older(links, id, format);
        if (older != null) {
            out.add(new Link("prev-archive", older));
        }
        if (isArchive() && page < pages) {
            out.add(new Link("next-archive", links.archive(id, page + 1, format)));
        }
        return out;
    }
}
