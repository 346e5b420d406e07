package dispatch.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 §5.6.7). Writes IMF-fixdate, always with a two-digit day
 * ({@link DateTimeFormatter#RFC_1123_DATE_TIME} writes one digit, which HTTP does not allow);
 * reads IMF-fixdate and the two obsolete forms recipients must accept, RFC 850 and asctime.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private static final List<DateTimeFormatter> OBSOLETE = List.of(RFC_850, ASCTIME);

    private HttpDates() {
    }

    /** {@code instant} as an IMF-fixdate, such as {@code Fri, 07 Sep 2018 00:00:00 GMT}. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Parses an HTTP date in any of its three forms; empty when {@code value} is none of them. */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Instant.from(IMF_FIXDATE.parse(v)));
        } catch (DateTimeException e) { // unparsable, or fields that contradict each other
            // try the obsolete forms
        }
        for (DateTimeFormatter f : OBSOLETE) {
            try {
                return Optional.of(LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) { // unparsable, or fields that contradict each other
                // try the next form
            }
        }
        return Optional.empty();
    }
}
