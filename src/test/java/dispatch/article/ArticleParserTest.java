package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link ArticleParser}: the seed article, line ends and encodings, how headline,
 * related headlines, body, subheadings and page furniture are told apart, front matter, and the
 * inputs that are refused. Plain JUnit; the parser is plain Java.
 */
class ArticleParserTest {

    private static final Path SEED = Path.of("feeds/world/2018-09-07-erdogan-idlib-offensive.txt");

    private static final ArticleParser PARSER = new ArticleParser();

    private static Article parse(String text) throws ArticleFormatException {
        return PARSER.parse(text);
    }

    private static Article parseBytes(byte[] bytes) throws ArticleFormatException {
        return PARSER.parse(bytes);
    }

    private static Article seed() throws IOException, ArticleFormatException {
        return PARSER.parse(Files.readAllBytes(SEED));
    }

    private static List<String> bodyTexts(Article article) {
        return article.body().stream().map(Block::text).toList();
    }

    private static Block p(String text) {
        return Block.paragraph(text);
    }

    private static Block h(String text) {
        return Block.subheading(text);
    }

    /** Shapes without prompt phrases, so that only the furniture list decides what an "Advertisement" line is. */
    private static final PageShapes NO_PROMPTS = new PageShapes(new ShapePhrases(ShapePhrases.DEFAULTS.bylinePrefixes(),
            ShapePhrases.DEFAULTS.outletWords(), ShapePhrases.DEFAULTS.captionPrefixes(), ShapePhrases.DEFAULTS.sharePhrases(),
            ShapePhrases.DEFAULTS.creditPrefixes(), ShapePhrases.DEFAULTS.topicHeaders(),
            ShapePhrases.DEFAULTS.boilerplatePrefixes(), Set.of()));

    private static ArticleFormatException refused(String text) {
        return assertThrows(ArticleFormatException.class, () -> parse(text));
    }

    private static ArticleFormatException refusedBytes(byte[] bytes) {
        return assertThrows(ArticleFormatException.class, () -> parseBytes(bytes));
    }

    private static void assertMessageContains(ArticleFormatException e, String expected) {
        assertTrue(e.getMessage().contains(expected),
                () -> "expected the message to contain '" + expected + "' but it was: " + e.getMessage());
    }

    // ---------------------------------------------------------------- the seed article

    @Test
    void seedArticleHeadlineIsItsFirstLine() throws Exception {
        assertEquals("Erdogan says Idlib offensive poses 'serious security risks' for Turkey", seed().title());
    }

    @Test
    void seedArticleHasExactlyTheTwoRelatedHeadlines() throws Exception {
        assertEquals(List.of(
                "Turkish minister warns of mass migration from Idlib",
                "Attack on Idlib could lead to worst loss of life this century: UN official"),
                seed().related());
    }

    @Test
    void seedArticleHasEighteenParagraphsAndNoSubheadings() throws Exception {
        Article article = seed();
        assertEquals(18, article.body().size());
        assertEquals(18, article.paragraphCount());
        assertTrue(article.body().stream().allMatch(Block::isParagraph), () -> article.body().toString());
    }

    @Test
    void seedArticleDropsTheLatestNewsFurniture() throws Exception {
        Article article = seed();
        assertTrue(article.body().stream().noneMatch(b -> b.text().contains("Latest News")));
        assertTrue(article.related().stream().noneMatch(r -> r.contains("Latest News")));
        assertFalse(article.title().contains("Latest News"));
    }

    @Test
    void seedArticleBodyStartsWithTheTruceParagraphAndEndsWithTheGasMasks() throws Exception {
        List<String> body = bodyTexts(seed());
        assertTrue(body.get(0).startsWith("Erdogan had also called for a truce"), body.get(0));
        assertTrue(body.get(0).endsWith("They say they are targeting terrorist groups."), body.get(0));
        assertTrue(body.get(17).startsWith("In a southern part of Idlib, a anxious father"), body.get(17));
    }

    @Test
    void seedArticleSummaryIsItsFirstParagraph() throws Exception {
        Article article = seed();
        assertEquals(Optional.of(article.body().get(0).text()), article.summary());
    }

    @Test
    void seedArticleKeepsItsNonAsciiLettersAndQuotes() throws Exception {
        List<String> body = bodyTexts(seed());
        assertTrue(body.stream().anyMatch(t -> t.contains("Sinirlio\u011Flu told the U.N. Security Council")));
        assertTrue(body.contains(
                "\"I also want to reiterate what I said last week to the Assad regime and anyone else"
                        + " contemplating the use of chemical weapons in Syria\"."));
    }

    @Test
    void seedArticleHasNoFrontMatterAndNoDate() throws Exception {
        Article article = seed();
        assertSame(FrontMatter.EMPTY, article.meta());
        assertEquals(Optional.empty(), article.date());
    }

    @Test
    void seedArticleParsesTheSameFromBytesAndFromText() throws Exception {
        String text = Files.readString(SEED, StandardCharsets.UTF_8);
        assertEquals(seed(), parse(text));
    }

    // ---------------------------------------------------------------- line ends, BOM, wrapping

    @Test
    void crlfLineEndsGiveTheSameArticleAsLf() throws Exception {
        String lf = "Headline here\n\nA related headline\n\nThe first paragraph,\nwrapped.\n\nThe second one.\n";
        Article expected = parse(lf);
        Article crlf = parse(lf.replace("\n", "\r\n"));
        assertEquals(expected, crlf);
        assertEquals("Headline here", crlf.title());
        assertEquals(List.of("A related headline"), crlf.related());
        assertEquals(List.of(p("The first paragraph, wrapped."), p("The second one.")), crlf.body());
    }

    @Test
    void loneCrLineEndsGiveTheSameArticleAsLf() throws Exception {
        String lf = "Headline here\n\nA related headline\n\nThe first paragraph,\nwrapped.\n\nThe second one.";
        Article cr = parse(lf.replace("\n", "\r"));
        assertEquals(parse(lf), cr);
        assertEquals(List.of(p("The first paragraph, wrapped."), p("The second one.")), cr.body());
    }

    @Test
    void mixedLineEndsInOneFileAreAllLineEnds() throws Exception {
        Article article = parse("Headline\r\rRelated one\n\nFirst line\r\nsecond line.\r\rLast one.\r\n");
        assertEquals("Headline", article.title());
        assertEquals(List.of("Related one"), article.related());
        assertEquals(List.of(p("First line second line."), p("Last one.")), article.body());
    }

    @Test
    void crlfBytesLeaveNoCarriageReturnInAnyText() throws Exception {
        byte[] bytes = "Headline\r\n\r\nRelated\u00A0one\r\n\r\nA paragraph\r\nwrapped.\r\n".getBytes(StandardCharsets.UTF_8);
        Article article = parseBytes(bytes);
        assertEquals("Headline", article.title());
        assertEquals(List.of("Related\u00A0one"), article.related());
        assertEquals(List.of(p("A paragraph wrapped.")), article.body());
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheHeadline() throws Exception {
        byte[] text = "Headline\n\nBody text.".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Article article = parseBytes(bytes);
        assertEquals("Headline", article.title());
        assertEquals(List.of(p("Body text.")), article.body());
    }

    @Test
    void byteOrderMarkInTheStringApiIsDroppedToo() throws Exception {
        assertEquals("Headline", parse("\uFEFFHeadline\n\nBody text.").title());
    }

    @Test
    void byteOrderMarkBeforeFrontMatterStillOpensFrontMatter() throws Exception {
        Article article = parse("\uFEFF---\r\ntitle: From front matter\r\n---\r\nHeadline\r\n\r\nBody text.\r\n");
        assertEquals("From front matter", article.title());
        assertEquals(List.of(p("Body text.")), article.body());
    }

    @Test
    void wrappedLinesOfOneBlockAreJoinedBySingleSpaces() throws Exception {
        Article article = parse("Headline\n\n  The lines of   \n\tone block are one\nparagraph, joined.  \n");
        assertEquals(List.of(p("The lines of one block are one paragraph, joined.")), article.body());
    }

    @Test
    void whitespaceOnlyLinesSeparateBlocksLikeBlankLines() throws Exception {
        Article article = parse("Headline\n \t \nFirst paragraph.\n   \n\n\n\nSecond paragraph.");
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), article.body());
    }

    @Test
    void lineOfOnlyNoBreakSpacesSeparatesBlocksLikeABlankLine() throws Exception {
        // Pages saved as text often hold &nbsp; paragraphs; such a line is blank, not text.
        Article article = parse("Headline\n\u00A0\nRelated one\n\n\u00A0\u00A0\n\nFirst paragraph.\n\u00A0\nSecond paragraph.");
        assertEquals(List.of("Related one"), article.related());
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), article.body());
    }

    @Test
    void trailingNoBreakSpaceDoesNotHideAFullStop() throws Exception {
        Article article = parse("Headline\u00A0\n\nTurkey closes its border.\u00A0\n\nMore text.");
        assertEquals("Headline", article.title());
        assertEquals(List.of(), article.related());
        assertEquals(List.of(p("Turkey closes its border."), p("More text.")), article.body());
    }

    @Test
    void spacesInsideALineAreKept() throws Exception {
        Article article = parse("Headline\n\nTwo  spaces and\ta tab stay.");
        assertEquals(List.of(p("Two  spaces and\ta tab stay.")), article.body());
    }

    // ---------------------------------------------------------------- the headline

    @Test
    void headlineEndingInQuestionMarkIsTheHeadline() throws Exception {
        Article article = parse("Is Idlib the last rebel stronghold?\n\nTurkey closes its border\n\nThe body starts here.");
        assertEquals("Is Idlib the last rebel stronghold?", article.title());
        assertEquals(List.of("Turkey closes its border"), article.related());
        assertEquals(List.of(p("The body starts here.")), article.body());
    }

    @Test
    void headlineEndingInExclamationMarkIsTheHeadline() throws Exception {
        Article article = parse("Stop the offensive now!\n\nUN warns of a catastrophe\n\nThe body starts here.");
        assertEquals("Stop the offensive now!", article.title());
        assertEquals(List.of("UN warns of a catastrophe"), article.related());
    }

    @Test
    void headlineEndingInFullStopIsStillTheHeadline() throws Exception {
        Article article = parse("Talks end.\n\nThe body starts here.");
        assertEquals("Talks end.", article.title());
        assertEquals(List.of(p("The body starts here.")), article.body());
    }

    @Test
    void leadingBlankLinesAreSkippedBeforeTheHeadline() throws Exception {
        assertEquals("Headline", parse("\n\n   \nHeadline\n\nBody.").title());
    }

    @Test
    void longHeadlineIsStillTheHeadline() throws Exception {
        String headline = "A very long headline ".repeat(10).strip();
        assertTrue(headline.length() > ArticleParser.SHORT_LINE);
        assertEquals(headline, parse(headline + "\n\nBody.").title());
    }

    @Test
    void paragraphRightUnderTheHeadlineWithoutBlankLineIsTheBody() throws Exception {
        Article article = parse("Headline\nThe body follows without a blank line.\n\nSecond paragraph.");
        assertEquals("Headline", article.title());
        assertEquals(List.of(), article.related());
        assertEquals(List.of(p("The body follows without a blank line."), p("Second paragraph.")), article.body());
    }

    @Test
    void markdownHeadingMarksAreTakenOffAMarkdownHeadline() throws Exception {
        ArticleParser parser = new ArticleParser();
        assertEquals("Headline", parser.parse("# Headline\n\nBody.", Syntax.MARKDOWN).title());
        assertEquals("Headline", parser.parse("### Headline\n\nBody.", Syntax.MARKDOWN).title());
        assertEquals("A Markdown headline with links", parser.parse("# A *Markdown* headline with [links](https://example.org/)\n\nBody.", Syntax.MARKDOWN).title());
    }

    @Test
    void hashMarksInPlainTextAreText() throws Exception {
        assertEquals("# Headline", parse("# Headline\n\nBody.").title());
    }

    @Test
    void markdownBodyIsRenderedWithRawHtmlEscapedAndUnsafeLinksDropped() throws Exception {
        Article a = new ArticleParser().parse("Headline\n\nSome **bold** and <script>x()</script> and [a](javascript:alert(1)).\n\n"
                + "- one\n- two\n\nEnd.", Syntax.MARKDOWN);
        assertEquals(3, a.body().size());
        Block first = a.body().get(0);
        assertEquals("Some bold and <script>x()</script> and a.", first.text());
        assertTrue(first.html().contains("<strong>bold</strong>"), first.html());
        assertTrue(first.html().contains("&lt;script&gt;"), first.html());
        assertFalse(first.html().contains("javascript:"), first.html());
        assertEquals("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", a.body().get(1).html());
    }

    @Test
    void plainTextBodyIsPublishedEscaped() throws Exception {
        Article a = parse("Headline\n\nA <b>bold</b> claim & more.\n\nA subheading\n\nEnd.");
        assertEquals("<p>A &lt;b&gt;bold&lt;/b&gt; claim &amp; more.</p>", a.body().get(0).html());
        assertEquals("<h3>A subheading</h3>", a.body().get(1).html());
    }

    @Test
    void hashWithoutSpaceIsPartOfTheHeadline() throws Exception {
        assertEquals("#MeToo marches on", parse("#MeToo marches on\n\nBody.").title());
    }

    // ---------------------------------------------------------------- related headlines

    @Test
    void shortFirstParagraphEndingInFullStopStartsTheBody() throws Exception {
        Article article = parse("Headline\n\nTurkey closes its border.\n\nMore text follows here.");
        assertEquals(List.of(), article.related());
        assertEquals(List.of(p("Turkey closes its border."), p("More text follows here.")), article.body());
    }

    @Test
    void lineEndingInFullStopThenStraightClosingQuoteEndsASentence() throws Exception {
        Article article = parse("Headline\n\n\"It is a risk for Syria\".\n\nMore text.");
        assertEquals(List.of(), article.related());
        assertEquals(p("\"It is a risk for Syria\"."), article.body().get(0));
    }

    @Test
    void lineEndingInFullStopInsideCurlyClosingQuoteEndsASentence() throws Exception {
        Article article = parse("Headline\n\n\u201CIt is a risk for Syria.\u201D\n\nMore text.");
        assertEquals(List.of(), article.related());
        assertEquals(p("\u201CIt is a risk for Syria.\u201D"), article.body().get(0));
    }

    @Test
    void lineEndingInFullStopInsideOtherClosersEndsASentence() throws Exception {
        for (String line : List.of("He said 'no.'", "He said \u2018no.\u2019", "He said \u00ABnon.\u00BB",
                "He left (for good.)", "He left [sic.]", "He said \"'no.'\"")) {
            Article article = parse("Headline\n\n" + line + "\n\nMore text.");
            assertEquals(List.of(), article.related(), line);
            assertEquals(p(line), article.body().get(0), line);
        }
    }

    @Test
    void ellipsisEndsASentence() throws Exception {
        Article unicode = parse("Headline\n\nAnd then\u2026\n\nMore text.");
        assertEquals(List.of(p("And then\u2026"), p("More text.")), unicode.body());
        Article dots = parse("Headline\n\nAnd then...\n\nMore text.");
        assertEquals(List.of(p("And then..."), p("More text.")), dots.body());
    }

    @Test
    void relatedHeadlinesMayEndInQuestionOrExclamationMarkOrColon() throws Exception {
        Article article = parse("Headline\n\nWhat next for Idlib?\n\nNot again!\n\nExplained:\n\n\"Quoted\"\n\nThe body.");
        assertEquals(List.of("What next for Idlib?", "Not again!", "Explained:", "\"Quoted\""), article.related());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void lineOfExactlyTheShortLimitCanBeARelatedHeadline() throws Exception {
        String line = "x".repeat(ArticleParser.SHORT_LINE);
        Article article = parse("Headline\n\n" + line + "\n\nThe body.");
        assertEquals(List.of(line), article.related());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void lineOneCharacterOverTheShortLimitStartsTheBody() throws Exception {
        String line = "x".repeat(ArticleParser.SHORT_LINE + 1);
        Article article = parse("Headline\n\n" + line + "\n\nA short line after it\n\nThe end.");
        assertEquals(List.of(), article.related());
        assertEquals(List.of(p(line), h("A short line after it"), p("The end.")), article.body());
    }

    @Test
    void blockOfTwoShortLinesIsAParagraphNotARelatedHeadline() throws Exception {
        Article article = parse("Headline\n\nShort line one\nShort line two\n\nMore text.");
        assertEquals(List.of(), article.related());
        assertEquals(List.of(p("Short line one Short line two"), p("More text.")), article.body());
    }

    @Test
    void relatedHeadlinesAreOnlyTheRunRightAfterTheHeadline() throws Exception {
        Article article = parse("Headline\n\nRelated one\n\nRelated two\n\nThe body starts.\n\nA subheading\n\nMore body.");
        assertEquals(List.of("Related one", "Related two"), article.related());
        assertEquals(List.of(p("The body starts."), h("A subheading"), p("More body.")), article.body());
    }

    @Test
    void headlineAndRelatedHeadlinesWithoutBodyGiveAnEmptyBody() throws Exception {
        Article article = parse("Headline\n\nRelated one\n\nRelated two\n");
        assertEquals(List.of("Related one", "Related two"), article.related());
        assertEquals(List.of(), article.body());
    }

    // ---------------------------------------------------------------- body, subheadings, furniture

    @Test
    void shortLineWithoutFullStopBetweenParagraphsIsASubheading() throws Exception {
        Article article = parse("Headline\n\nFirst paragraph.\n\nWhat comes next\n\nSecond paragraph.");
        assertEquals(List.of(p("First paragraph."), h("What comes next"), p("Second paragraph.")), article.body());
        assertEquals(2, article.paragraphCount());
        assertEquals(Block.Kind.SUBHEADING, article.body().get(1).kind());
        assertFalse(article.body().get(1).isParagraph());
    }

    @Test
    void subheadingMayEndInAQuestionMark() throws Exception {
        Article article = parse("Headline\n\nFirst paragraph.\n\nWhy now?\n\nSecond paragraph.");
        assertEquals(h("Why now?"), article.body().get(1));
    }

    @Test
    void summaryIsTheFirstParagraphNotASubheading() throws Exception {
        Article article = parse("---\nrelated: []\n---\nHeadline\n\nA subheading first\n\nThe first paragraph.");
        assertEquals(h("A subheading first"), article.body().get(0));
        assertEquals(Optional.of("The first paragraph."), article.summary());
    }

    @Test
    void furniturePhraseBetweenParagraphsIsDropped() throws Exception {
        Article article = parse("Headline\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph.");
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), article.body());
    }

    @Test
    void furniturePhrasesMatchWhateverTheCaseAndTrailingArrows() throws Exception {
        Article article = parse("Headline\n\nFirst.\n\nADVERTISEMENT\n\nSecond.\n\nRead more \u00BB\n\nThird.\n\n"
                + "Related Articles:\n\nFourth.\n\n  share this  \n\nFifth.\n\nMost read >\n\nSixth.");
        assertEquals(List.of("First.", "Second.", "Third.", "Fourth.", "Fifth.", "Sixth."), bodyTexts(article));
    }

    @Test
    void furnitureRightAfterTheHeadlineIsNotARelatedHeadline() throws Exception {
        Article article = parse("Headline\n\nAdvertisement\n\nRelated one\n\nRelated Stories\n\nRelated two\n\nThe body.");
        assertEquals(List.of("Related one", "Related two"), article.related());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void furniturePhraseInsideAParagraphIsKept() throws Exception {
        Article article = parse("Headline\n\nAdvertisement revenue fell.\n\nLatest News\nfrom the wire.");
        assertEquals(List.of(p("Advertisement revenue fell."), p("Latest News from the wire.")), article.body());
    }

    @Test
    void furniturePhraseAsTheHeadlineIsKeptAsTheHeadline() throws Exception {
        assertEquals("Comments", parse("Comments\n\nThe body.").title());
    }

    @Test
    void trailingShortNonSentenceLinesAreDroppedByShape() throws Exception {
        Article article = parse("Headline\n\nFirst paragraph.\n\nLast paragraph.\n\nFollow us on Mastodon\n\n"
                + "\u00A9 2024 Example Media Ltd\n\nTerms | Privacy");
        assertEquals(List.of(p("First paragraph."), p("Last paragraph.")), article.body());
    }

    @Test
    void trailingFurnitureIsDroppedByShapeWithoutAnyPhraseList() throws Exception {
        Article article = new ArticleParser(Set.of()).parse(
                "Headline\n\nRelated one\n\nFirst paragraph.\n\nSecond paragraph.\n\nLatest News\n\nMore Stories");
        assertEquals(List.of("Related one"), article.related());
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), article.body());
    }

    @Test
    void withoutPhraseListAdvertisementBetweenParagraphsIsASubheading() throws Exception {
        Article article = new ArticleParser(Set.of(), NO_PROMPTS).parse("Headline\n\nFirst.\n\nAdvertisement\n\nSecond.");
        assertEquals(List.of(p("First."), h("Advertisement"), p("Second.")), article.body());
    }

    @Test
    void withoutPhraseListTheSeedArticleStillDropsLatestNews() throws Exception {
        Article article = new ArticleParser(Set.of()).parse(Files.readAllBytes(SEED));
        assertEquals(seed(), article);
    }

    @Test
    void customFurniturePhrasesReplaceTheDefaults() throws Exception {
        ArticleParser parser = new ArticleParser(Set.of("Sponsored", "  Follow Us  "), NO_PROMPTS);
        Article article = parser.parse("Headline\n\nFirst.\n\nSPONSORED:\n\nSecond.\n\nAdvertisement\n\n"
                + "Third.\n\nfollow us \u203A\n\nFourth.");
        assertEquals(List.of(p("First."), p("Second."), h("Advertisement"), p("Third."), p("Fourth.")), article.body());
    }

    @Test
    void customFurniturePhraseRightAfterHeadlineIsNotRelated() throws Exception {
        Article article = new ArticleParser(Set.of("Sponsored")).parse("Headline\n\nSponsored\n\nRelated one\n\nBody.");
        assertEquals(List.of("Related one"), article.related());
    }

    @Test
    void headlineOnlyArticleHasNoRelatedAndNoBody() throws Exception {
        Article article = parse("Just a headline\n");
        assertEquals("Just a headline", article.title());
        assertEquals(List.of(), article.related());
        assertEquals(List.of(), article.body());
        assertEquals(Optional.empty(), article.summary());
        assertEquals(0, article.paragraphCount());
    }

    @Test
    void headlineFollowedOnlyByFurnitureIsHeadlineOnly() throws Exception {
        Article article = parse("Just a headline\n\nLatest News\n\nAdvertisement");
        assertEquals(List.of(), article.related());
        assertEquals(List.of(), article.body());
    }

    // ---------------------------------------------------------------- text is text

    @Test
    void markupCharactersAreKeptAsLiteralText() throws Exception {
        String paragraph = "Use <b>bold</b> & <script>alert('x')</script> here; 1 < 2 > 0 &amp; \"quotes\".";
        Article article = parse("AT&T buys <Time Warner> & more\n\nQ&A: <what> next?\n\n" + paragraph);
        assertEquals("AT&T buys <Time Warner> & more", article.title());
        assertEquals(List.of("Q&A: <what> next?"), article.related());
        assertEquals(List.of(p(paragraph)), article.body());
    }

    @Test
    void scriptTagOnItsOwnLineIsTextNotMarkup() throws Exception {
        Article article = parse("Headline\n\nFirst.\n\n<script>alert(1)</script>\n\nSecond.");
        assertEquals(List.of(p("First."), h("<script>alert(1)</script>"), p("Second.")), article.body());
    }

    @Test
    void xmlForbiddenCharactersAreRemovedInTheStringApi() throws Exception {
        Article article = parse("Head\u0001line\u000B\n\nRelated\uFFFE one\uFFFF\n\nBody\u0000 te\uD800xt he\uDC00re\u001F.");
        assertEquals("Headline", article.title());
        assertEquals(List.of("Related one"), article.related());
        assertEquals(List.of(p("Body text here.")), article.body());
    }

    @Test
    void xmlForbiddenCharactersAreRemovedFromBytes() throws Exception {
        byte[] bytes = {'H', 'e', 0x01, 'a', 'd', 0x0B, '\n', '\n', 'B', 'o', (byte) 0xEF, (byte) 0xBF, (byte) 0xBE,
            'd', 'y', (byte) 0xEF, (byte) 0xBF, (byte) 0xBF, '.', 0x1B};
        Article article = parseBytes(bytes);
        assertEquals("Head", article.title());
        assertEquals(List.of(p("Body.")), article.body());
    }

    @Test
    void lineOfOnlyControlCharactersSeparatesBlocks() throws Exception {
        Article article = parse("Headline\n\nFirst paragraph.\n\u000C\u0007\nSecond paragraph.");
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), article.body());
    }

    @Test
    void supplementaryCharactersAreKept() throws Exception {
        Article article = parse("Emoji \uD83D\uDE00 headline\n\nMusic \uD834\uDD1E notes.");
        assertEquals("Emoji \uD83D\uDE00 headline", article.title());
        assertEquals(List.of(p("Music \uD834\uDD1E notes.")), article.body());
    }

    // ---------------------------------------------------------------- front matter

    @Test
    void frontMatterWithoutRelatedKeepsDetectionOn() throws Exception {
        Article article = parse("---\nauthor: Jane Doe\n---\nHeadline\n\nRelated one\n\nThe body.");
        assertEquals("Headline", article.title());
        assertEquals(List.of("Related one"), article.related());
        assertEquals(List.of(p("The body.")), article.body());
        assertEquals(Optional.of("Jane Doe"), article.meta().author());
        assertEquals(Optional.empty(), article.meta().related());
    }

    @Test
    void frontMatterRelatedTurnsDetectionOffAndShortLinesBecomeBody() throws Exception {
        Article article = parse("---\nrelated:\n  - First related\n  - Second related\n---\n"
                + "Headline\n\nShort line one\n\nA paragraph.\n\nShort line two\n\nLast paragraph.\n\nLatest News\n\nTrailing line");
        assertEquals(List.of("First related", "Second related"), article.related());
        assertEquals(List.of(h("Short line one"), p("A paragraph."), h("Short line two"), p("Last paragraph.")),
                article.body());
        assertEquals(Optional.of("A paragraph."), article.summary());
    }

    @Test
    void frontMatterRelatedLeavesOnlyShortLinesDroppedAsTrailingFurniture() throws Exception {
        // With detection off and no paragraph at all, every short line is trailing furniture.
        Article article = parse("---\nrelated: [Other story]\n---\nHeadline\n\nShort line one\n\nShort line two");
        assertEquals(List.of("Other story"), article.related());
        assertEquals(List.of(), article.body());
    }

    @Test
    void emptyFrontMatterRelatedListMeansNoRelatedHeadlines() throws Exception {
        Article article = parse("---\nrelated: []\n---\nHeadline\n\nLooks related\n\nThe body.");
        assertEquals(List.of(), article.related());
        assertEquals(Optional.of(List.of()), article.meta().related());
        assertEquals(List.of(h("Looks related"), p("The body.")), article.body());
    }

    @Test
    void nullFrontMatterRelatedKeepsDetectionOn() throws Exception {
        Article article = parse("---\nrelated: ~\n---\nHeadline\n\nDetected related\n\nThe body.");
        assertEquals(List.of("Detected related"), article.related());
        assertEquals(Optional.empty(), article.meta().related());
    }

    @Test
    void frontMatterKeysAreCaseSensitive() {
        assertMessageContains(refused("---\nTitle: Capitalised\n---\nHeadline"), "unknown front matter key 'Title'");
    }

    @Test
    void frontMatterRelatedEntriesAreTrimmedAndBlanksDropped() throws Exception {
        Article article = parse("---\nrelated: ['  Padded  ', '', Plain]\n---\nHeadline\n\nThe body.");
        assertEquals(List.of("Padded", "Plain"), article.related());
    }

    @Test
    void frontMatterRelatedAsASingleStringIsOneHeadline() throws Exception {
        Article article = parse("---\nrelated: Only one\n---\nHeadline\n\nThe body.");
        assertEquals(List.of("Only one"), article.related());
    }

    @Test
    void frontMatterTitleOverridesTheHeadlineLine() throws Exception {
        Article article = parse("---\ntitle: '  The real title  '\n---\nThe saved headline\n\nRelated one\n\nThe body.");
        assertEquals("The real title", article.title());
        assertEquals(List.of("Related one"), article.related());
        assertEquals(List.of(p("The body.")), article.body());
        assertTrue(bodyTexts(article).stream().noneMatch(t -> t.contains("saved headline")));
    }

    @Test
    void frontMatterTitleWithoutAnyTextIsAHeadlineOnlyArticle() throws Exception {
        Article article = parse("---\ntitle: Only a title\n---\n");
        assertEquals("Only a title", article.title());
        assertEquals(List.of(), article.related());
        assertEquals(List.of(), article.body());
    }

    @Test
    void frontMatterWithoutTitleAndNoTextIsRefused() {
        ArticleFormatException e = refused("---\nauthor: Jane Doe\n---\n\n\n");
        assertMessageContains(e, "no headline");
    }

    @Test
    void emptyFrontMatterIsNoFrontMatter() throws Exception {
        Article article = parse("---\n---\nHeadline\n\nThe body.");
        assertSame(FrontMatter.EMPTY, article.meta());
        assertEquals("Headline", article.title());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void frontMatterMayCloseWithThreeDots() throws Exception {
        Article article = parse("---\ntitle: Dotted\n...\nHeadline\n\nThe body.");
        assertEquals("Dotted", article.title());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void frontMatterClosingLineMayHaveTrailingSpaces() throws Exception {
        Article article = parse("---\ntitle: Spaced\n---   \nHeadline\n\nThe body.");
        assertEquals("Spaced", article.title());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void frontMatterOpeningLineMayHaveTrailingSpacesLikeTheClosingLine() throws Exception {
        // The closing fence is compared after strip(); the opening fence should be too, or the
        // whole front matter is published as the headline "---" and a paragraph of YAML.
        Article article = parse("--- \ntitle: Spaced\n---\nHeadline\n\nThe body.");
        assertEquals("Spaced", article.title());
        assertEquals(List.of(p("The body.")), article.body());
    }

    @Test
    void frontMatterWithCrlfLineEndsIsRead() throws Exception {
        Article article = parse("---\r\ntitle: Windows\r\ndate: 2024-06-01\r\n---\r\nHeadline\r\n\r\nThe body.\r\n");
        assertEquals("Windows", article.title());
        assertEquals(Optional.of(Instant.parse("2024-06-01T00:00:00Z")), article.date());
    }

    @Test
    void frontMatterDateAloneIsMidnightUtc() throws Exception {
        Article article = parse("---\ndate: 2024-06-01\n---\nHeadline");
        assertEquals(Optional.of(Instant.parse("2024-06-01T00:00:00Z")), article.date());
        assertEquals(article.meta().date(), article.date());
        assertEquals(Optional.empty(), article.meta().updated());
    }

    @Test
    void frontMatterDateTimeInUtc() throws Exception {
        Article article = parse("---\ndate: 2024-06-01T10:00:00Z\nupdated: '2024-06-02T11:30:00Z'\n---\nHeadline");
        assertEquals(Optional.of(Instant.parse("2024-06-01T10:00:00Z")), article.date());
        assertEquals(Optional.of(Instant.parse("2024-06-02T11:30:00Z")), article.meta().updated());
    }

    @Test
    void frontMatterDateTimeWithOffsetIsConvertedToUtc() throws Exception {
        assertEquals(Optional.of(Instant.parse("2024-06-01T08:00:00Z")),
                parse("---\ndate: 2024-06-01T10:00:00+02:00\n---\nHeadline").date());
        assertEquals(Optional.of(Instant.parse("2024-06-01T08:00:00Z")),
                parse("---\ndate: 2024-06-01T10:00:00+0200\n---\nHeadline").date());
        assertEquals(Optional.of(Instant.parse("2024-06-01T15:00:00Z")),
                parse("---\ndate: 2024-06-01T10:00:00-05:00\n---\nHeadline").date());
    }

    @Test
    void frontMatterLocalDateTimeIsTakenAsUtc() throws Exception {
        assertEquals(Optional.of(Instant.parse("2024-06-01T10:00:00Z")),
                parse("---\ndate: 2024-06-01 10:00:00\n---\nHeadline").date());
        assertEquals(Optional.of(Instant.parse("2024-06-01T10:00:00Z")),
                parse("---\ndate: 2024-06-01T10:00\n---\nHeadline").date());
    }

    @Test
    void frontMatterDateWithSpacesBeforeTheOffsetAsJekyllWritesIt() throws Exception {
        // Jekyll's own format ("2015-03-26 13:51:44 +0100"); the space before the offset must not
        // become a second 'T'.
        assertEquals(Optional.of(Instant.parse("2024-06-01T08:00:00Z")),
                parse("---\ndate: 2024-06-01 10:00:00 +0200\n---\nHeadline").date());
        assertEquals(Optional.of(Instant.parse("2024-06-01T08:00:00Z")),
                parse("---\ndate: 2024-06-01 10:00:00 +02:00\n---\nHeadline").date());
    }

    @Test
    void frontMatterDateWithFractionOfASecondIsKept() throws Exception {
        assertEquals(Optional.of(Instant.parse("2024-06-01T15:00:00.123Z")),
                parse("---\ndate: 2024-06-01T10:00:00.123-05:00\n---\nHeadline").date());
    }

    @Test
    void frontMatterDateThatIsNotADateIsRefusedNamingKeyAndValue() {
        ArticleFormatException e = refused("---\ndate: June 1st\n---\nHeadline");
        assertMessageContains(e, "'date'");
        assertMessageContains(e, "June 1st");
        ArticleFormatException updated = refused("---\nupdated: 2024-13-01\n---\nHeadline");
        assertMessageContains(updated, "'updated'");
        assertMessageContains(updated, "2024-13-01");
    }

    @Test
    void unknownFrontMatterKeyIsRefusedNamingTheKey() {
        ArticleFormatException e = refused("---\ntitel: Misspelt\n---\nHeadline\n\nThe body.");
        assertMessageContains(e, "unknown front matter key 'titel'");
    }

    @Test
    void unclosedFrontMatterIsRefused() {
        ArticleFormatException e = refused("---\ntitle: Never closed\nHeadline\n\nThe body.");
        assertMessageContains(e, "never closed");
    }

    @Test
    void fileOfOnlyAnOpeningFenceIsUnclosedFrontMatter() {
        assertMessageContains(refused("---"), "never closed");
        assertMessageContains(refused("---\n"), "never closed");
    }

    @Test
    void frontMatterThatIsNotYamlIsRefused() {
        ArticleFormatException e = refused("---\ntitle: [unclosed\n---\nHeadline");
        assertTrue(e.getMessage().startsWith("front matter"), e.getMessage());
    }

    @Test
    void frontMatterDraftFlag() throws Exception {
        assertTrue(parse("---\ndraft: true\n---\nHeadline").meta().draft());
        assertFalse(parse("---\ndraft: false\n---\nHeadline").meta().draft());
        assertFalse(parse("---\ntitle: T\n---\nHeadline").meta().draft());
        assertFalse(parse("Headline").meta().draft());
    }

    @Test
    void frontMatterDraftThatIsNotABooleanIsRefused() {
        ArticleFormatException e = refused("---\ndraft: perhaps\n---\nHeadline");
        assertMessageContains(e, "front matter");
    }

    @Test
    void frontMatterCategoriesAsASingleString() throws Exception {
        assertEquals(List.of("world"), parse("---\ncategories: world\n---\nHeadline").meta().categories());
    }

    @Test
    void frontMatterCategoriesAsAList() throws Exception {
        assertEquals(List.of("world", "politics"),
                parse("---\ncategories:\n  - world\n  - ' politics '\n  - ''\n---\nHeadline").meta().categories());
        assertEquals(List.of("world", "politics"),
                parse("---\ncategories: [world, politics]\n---\nHeadline").meta().categories());
    }

    @Test
    void frontMatterCategoriesWithCommasInOneStringAreOneCategory() throws Exception {
        // YAML semantics: an unquoted scalar with a comma is one string, not a list.
        assertEquals(List.of("world, politics"),
                parse("---\ncategories: world, politics\n---\nHeadline").meta().categories());
    }

    @Test
    void frontMatterWithoutCategoriesHasAnEmptyList() throws Exception {
        assertEquals(List.of(), parse("---\ntitle: T\n---\nHeadline").meta().categories());
    }

    @Test
    void frontMatterTextFieldsAreReadAndTrimmed() throws Exception {
        Article article = parse("---\nid: tag:example.org,2024:one\nlink: https://example.org/one\n"
                + "author: '  Jane Doe '\nsummary: A summary from front matter.\n---\nHeadline\n\nFirst paragraph.");
        FrontMatter meta = article.meta();
        assertEquals(Optional.of("tag:example.org,2024:one"), meta.id());
        assertEquals(Optional.of("https://example.org/one"), meta.link());
        assertEquals(Optional.of("Jane Doe"), meta.author());
        assertEquals(Optional.of("A summary from front matter."), article.summary());
        assertEquals(List.of(p("First paragraph.")), article.body());
    }

    @Test
    void blankFrontMatterValuesAreAbsent() throws Exception {
        FrontMatter meta = parse("---\ntitle: '   '\nauthor:\ndate: ''\n---\nHeadline").meta();
        assertEquals(Optional.empty(), meta.title());
        assertEquals(Optional.empty(), meta.author());
        assertEquals(Optional.empty(), meta.date());
        assertEquals("Headline", parse("---\ntitle: '   '\n---\nHeadline").title());
    }

    @Test
    void frontMatterTextHasXmlForbiddenCharactersRemoved() throws Exception {
        Article article = parse("---\ntitle: \"Ti\\x01tle\"\ncategories: [\"wor\\x0Bld\"]\n---\nHeadline");
        assertEquals("Title", article.title());
        assertEquals(List.of("world"), article.meta().categories());
    }

    @Test
    void frontMatterMarkupIsKeptAsText() throws Exception {
        assertEquals("AT&T <b>wins</b>", parse("---\ntitle: 'AT&T <b>wins</b>'\n---\nHeadline").title());
    }

    @Test
    void threeDashesLaterInTheTextAreNotFrontMatter() throws Exception {
        Article article = parse("Headline\n\nFirst paragraph.\n\n---\n\nSecond paragraph.");
        assertSame(FrontMatter.EMPTY, article.meta());
        assertEquals("Headline", article.title());
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")),
                article.body().stream().filter(Block::isParagraph).toList());
    }

    // ---------------------------------------------------------------- refused input

    @Test
    void emptyFileIsRefused() {
        assertMessageContains(refusedBytes(new byte[0]), "empty");
    }

    @Test
    void whitespaceOnlyFileIsRefused() {
        assertMessageContains(refusedBytes(" \n\t\r\n  \n".getBytes(StandardCharsets.UTF_8)), "no text");
    }

    @Test
    void emptyAndWhitespaceOnlyTextIsRefusedInTheStringApi() {
        assertMessageContains(refused(""), "no headline");
        assertMessageContains(refused("  \n\n\t \r\n"), "no headline");
    }

    @Test
    void binaryFileWithNulByteIsRefused() {
        byte[] bytes = {'H', 'e', 'a', 'd', 0x00, 'x', '\n'};
        ArticleFormatException e = refusedBytes(bytes);
        assertMessageContains(e, "binary");
        assertMessageContains(e, "NUL");
    }

    @Test
    void utf16FileIsRefusedByItsName() {
        assertMessageContains(refusedBytes("Headline\n\nBody.".getBytes(StandardCharsets.UTF_16LE)), "UTF-16 (little-endian) text, not UTF-8");
    }

    @Test
    void latin1FileIsRefusedAsNotUtf8() {
        byte[] bytes = "Caf\u00E9 society\n\nThe body.".getBytes(StandardCharsets.ISO_8859_1);
        ArticleFormatException e = refusedBytes(bytes);
        assertMessageContains(e, "not valid UTF-8");
    }

    @Test
    void markdownKeepsOnlyHttpHttpsMailtoAndRelativeUrls() throws Exception {
        Article a = new ArticleParser().parse("Headline\n\n[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:x) "
                + "[c](https://example.org/) [d](mailto:desk@example.org) [e](other-page) ![i](data:image/png;base64,AAAA).",
                Syntax.MARKDOWN);
        String html = a.body().get(0).html();
        assertFalse(html.contains("data:"), html);
        assertFalse(html.contains("vbscript:"), html);
        assertTrue(html.contains("href=\"https://example.org/\""), html);
        assertTrue(html.contains("href=\"mailto:desk@example.org\""), html);
        assertTrue(html.contains("href=\"other-page\""), html);
    }

    @Test
    void frontMatterLinkMustBeAnHttpUrlAndIdAnAbsoluteUri() {
        for (String fm : List.of("link: javascript:alert(1)", "link: /relative/path", "link: ftp://example.org/x",
                "id: just-a-name", "id: javascript:alert(1)")) {
            ArticleFormatException e = assertThrows(ArticleFormatException.class,
                    () -> parse("---\n" + fm + "\n---\nHeadline\n\nBody.\n"), fm);
            assertTrue(e.getMessage().contains("front matter '" + fm.substring(0, fm.indexOf(':')) + "'"), e.getMessage());
        }
    }

    @Test
    void frontMatterAcceptsTagUrnAndHttpIds() throws Exception {
        for (String id : List.of("tag:example.org,2024:story", "urn:uuid:9f1c2a4e-3b7d-4c55-9a0e-1d2b3c4d5e6f", "https://example.org/a")) {
            assertEquals(Optional.of(id), parse("---\nid: " + id + "\n---\nHeadline\n\nBody.\n").meta().id());
        }
    }

    @Test
    void frontMatterProblemsNameTheLineOfTheArticle() {
        assertMessageContains(refused("---\ntitle: T\ntitel: Misspelt\n---\nA headline\n\nA body.\n"), "(line 3)");
        assertMessageContains(refused("---\ntitle: T\ndate: yesterday\n---\nA headline\n\nA body.\n"), "(line 3)");
        assertMessageContains(refused("---\nlink: javascript:alert(1)\n---\nA headline\n\nA body.\n"), "(line 2)");
        assertMessageContains(refused("---\ntitle: T\nrelated: [a\n---\nA headline\n\nA body.\n"), "(line ");
    }
}
