package dispatch.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as pages show them: for people ("7 September 2018") and for {@code <time datetime>}. */
final class PageDates {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PageDates() {
    }

    /** {@code instant} for people, in UTC. */
    static String human(Instant instant) {
        return HUMAN.format(instant);
    }

    /** {@code instant} as ISO 8601 in UTC. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
