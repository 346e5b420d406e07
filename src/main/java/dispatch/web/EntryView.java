package dispatch.web;

import dispatch.feed.Entry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a page shows of a feed entry.
 *
 * @param title the entry's title
 * @param link where it points
 * @param dateIso its published date, ISO 8601
 * @param dateText its published date for people
 * @param summary its summary, or null
 */
public record EntryView(String title, String link, String dateIso, String dateText, String summary) {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The view of {@code entry}. */
    public static EntryView of(Entry entry) {
        return new EntryView(entry.title(), entry.link(), DateTimeFormatter.ISO_INSTANT.format(entry.published()),
                HUMAN.format(entry.published()), entry.summary().orElse(null));
    }
}
