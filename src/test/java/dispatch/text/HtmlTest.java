package dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unit tests for {@link Html}: escaping (both forms agree, runs between special characters are
 * kept whole, text without any is returned as it is) and making URLs absolute. Plain JUnit.
 */
class HtmlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|``",
        "plain text|plain text",
        "&|&amp;",
        "<b>|&lt;b&gt;",
        "AT&T's \"deal\"|AT&amp;T&#39;s &quot;deal&quot;",
        "&&<<|&amp;&amp;&lt;&lt;",
        "end<|end&lt;",
        ">start|&gt;start",
        "Sinirlio\u011flu \uD83D\uDE00 & co|Sinirlio\u011flu \uD83D\uDE00 &amp; co"})
    void escapesTheFiveSpecialCharacters(String text, String escaped) {
        assertEquals(escaped, Html.escape(text));
        assertEquals("[" + escaped, Html.escape(text, new StringBuilder("[")).toString(), "appending form");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String text = "Nothing to escape here.";
        assertSame(text, Html.escape(text));
    }

    @Test
    void relativeUrlsAreResolvedAgainstTheBase() {
        assertEquals("<a href=\"https://news.example/feeds/world/other\">x</a>",
                Html.absoluteUrls("<a href=\"other\">x</a>", "https://news.example/feeds/world/article"));
        assertEquals("<p>no links</p>", Html.absoluteUrls("<p>no links</p>", "https://news.example/"));
    }
}
