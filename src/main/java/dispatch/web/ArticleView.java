package dispatch.web;

import dispatch.article.Block;
import dispatch.feed.PublishedPost;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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
 */
public record ArticleView(String title, String permalink, String dateIso, String dateText, String author, String summary,
        List<Block> body, List<PublishedPost.Headline> headlines, List<String> categories) {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The view of a published post. */
    public static ArticleView of(PublishedPost pp) {
        Instant published = pp.post().published();
        var article = pp.post().article();
        return new ArticleView(pp.post().title(), pp.permalink(), DateTimeFormatter.ISO_INSTANT.format(published),
                HUMAN.format(published), article.meta().author().orElse(null), article.summary().orElse(null),
                article.body(), pp.headlines(), article.meta().categories());
    }
}
