package dispatch.web;

import dispatch.article.Block;
import dispatch.article.Media;
import dispatch.feed.PublishedPost;
import java.time.Instant;
import java.util.List;

/**
 * What a page shows of an article.
 *
 * @param title the headline
 * @param permalink the page's own URL
 * @param dateIso the published date, ISO 8601, for {@code <time datetime>}
 * @param dateText the published date for people
 * @param author the author, or null
 * @param summary the summary, or null
 * @param body the paragraphs and subheadings
 * @param headlines the related headlines
 * @param categories the tags
 * @param image the lead image at its absolute URL, or null
 * @param enclosures the files that go with it, at absolute URLs
 */
public record ArticleView(String title, String permalink, String dateIso, String dateText, String author, String summary,
        List<Block> body, List<PublishedPost.Headline> headlines, List<String> categories, Media.Image image,
        List<Media.Enclosure> enclosures) {


    /** The view of a published post, without its media. */
    public static ArticleView of(PublishedPost pp) {
        return of(pp, null, List.of());
    }

    /** The view of a published post with its lead image (or null) and enclosures, at their absolute URLs. */
    public static ArticleView of(PublishedPost pp, Media.Image image, List<Media.Enclosure> enclosures) {
        Instant published = pp.post().published();
        var article = pp.post().article();
        return new ArticleView(pp.post().title(), pp.permalink(), PageDates.iso(published),
                PageDates.human(published), article.author().orElse(null), article.summary().orElse(null),
                article.body(), pp.headlines(), article.categories(), image, enclosures);
    }
}
