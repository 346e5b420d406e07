package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link HttpDates}: IMF-fixdate is written with a two-digit day and English names
 * whatever the default locale; IMF-fixdate, RFC 850 and asctime are read (RFC 9110 §5.6.7); anything
 * else reads as no date.
 */
class HttpDatesTest {

    private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatAlwaysWritesATwoDigitDay() {
        assertEquals("Sat, 01 Jun 2024 00:00:00 GMT", HttpDates.format(Instant.parse("2024-06-01T00:00:00Z")));
    }

    @Test
    void formatWritesTheSeedArticlesDate() {
        assertEquals("Fri, 07 Sep 2018 00:00:00 GMT", HttpDates.format(Instant.parse("2018-09-07T00:00:00Z")));
    }

    @Test
    void formatWritesTheRfcExample() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(RFC_EXAMPLE));
    }

    @Test
    void formatDropsFractionsOfASecond() {
        assertEquals("Sat, 01 Jun 2024 23:59:59 GMT", HttpDates.format(Instant.parse("2024-06-01T23:59:59.999Z")));
    }

    @Test
    void formatUsesEnglishNamesWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("Thu, 05 Dec 2024 09:05:03 GMT", HttpDates.format(Instant.parse("2024-12-05T09:05:03Z")));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void parsesImfFixdate() {
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void parsesRfc850Date() {
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    }

    @Test
    void parsesRfc850DateInThisCentury() {
        assertEquals(Optional.of(Instant.parse("2018-09-07T00:00:00Z")),
                HttpDates.parse("Friday, 07-Sep-18 00:00:00 GMT"));
    }

    @Test
    void parsesAsctimeDateWithSpacePaddedDay() {
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void parsesAsctimeDateWithTwoDigitDay() {
        assertEquals(Optional.of(Instant.parse("1994-11-13T08:49:37Z")), HttpDates.parse("Sun Nov 13 08:49:37 1994"));
    }

    @Test
    void parseReadsWhatFormatWrites() {
        Instant instant = Instant.parse("2024-02-29T07:08:09Z");
        assertEquals(Optional.of(instant), HttpDates.parse(HttpDates.format(instant)));
    }

    @Test
    void parseToleratesSurroundingWhitespace() {
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse(" \tSun, 06 Nov 1994 08:49:37 GMT  "));
    }

    @Test
    void parseOfNullOrEmptyIsNoDate() {
        assertEquals(Optional.empty(), HttpDates.parse(null));
        assertEquals(Optional.empty(), HttpDates.parse(""));
        assertEquals(Optional.empty(), HttpDates.parse("   "));
    }

    @Test
    void parseOfOtherFormatsIsNoDate() {
        assertEquals(Optional.empty(), HttpDates.parse("yesterday"));
        assertEquals(Optional.empty(), HttpDates.parse("1994-11-06T08:49:37Z"));
        assertEquals(Optional.empty(), HttpDates.parse("784111777"));
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 +0000"));
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 06 Nov 1994 08:49:37"));
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 06 Nov 1994"));
    }

    @Test
    void parseOfOneDigitDayIsNoDate() {
        // IMF-fixdate requires 2DIGIT; ignoring the header only costs a full response.
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 6 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void parseOfOutOfRangeFieldsIsNoDate() {
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 06 Nov 1994 25:49:37 GMT"));
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 06 Foo 1994 08:49:37 GMT"));
        assertEquals(Optional.empty(), HttpDates.parse("Sun, 32 Nov 1994 08:49:37 GMT"));
    }
}
