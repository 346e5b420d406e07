package dispatch.web;

import dispatch.feed.Entry;

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


    /** The view of {@code entry}. */
    public static EntryView of(Entry entry) {
        return new EntryView(entry.title(), entry.link(), PageDates.iso(entry.published()),
                PageDates.human(entry.published()), entry.summary().orElse(null));
    }
}
