package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.article.Article;
import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import dispatch.article.Syntax;
import dispatch.feed.PublishedPost.Headline;
import dispatch.feed.PublishedPost.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unit tests for {@link EntryAssembler}: which entries an article and its related headlines make
 * in each {@link RelatedMode}, headlines that name another article, stable ids (tag URIs, front
 * matter ids, fragments, name-based UUIDs), newest-first order, {@code limit}, summaries,
 * {@code updated} spacing, the feed's {@code updated}, and absolute links. Posts are built with
 * the real {@link ArticleParser}; plain JUnit, no Quarkus.
 */
class EntryAssemblerTest {

    private static final ArticleParser PARSER = new ArticleParser();
    private static final Links LINKS = new Links("https://example.org");
    private static final EntryAssembler ASSEMBLER = new EntryAssembler(LINKS);

    private static final String IDLIB = "Erdogan says Idlib offensive poses serious security risks";
    private static final String MIGRATION = "Turkish minister warns of mass migration from Idlib";
    private static final String ATTACK = "Attack on Idlib could lead to worst loss of life this century";

    // ---------------------------------------------------------------- helpers

    private static FeedDefinition feed(RelatedMode mode, int limit) {
        return new FeedDefinition("world", "World News", "World news", Optional.of("en"), "World Desk",
                Duration.ofMinutes(15), mode, limit);
    }

    private static FeedDefinition entriesFeed() {
        return feed(RelatedMode.ENTRIES, FeedDefinition.DEFAULT_LIMIT);
    }

    /** An article text: the headline, each related headline and each paragraph, blank-line separated. */
    private static String text(String headline, List<String> related, String... paragraphs) {
        List<String> blocks = new ArrayList<>();
        blocks.add(headline);
        blocks.addAll(related);
        blocks.addAll(List.of(paragraphs));
        return String.join("\n\n", blocks) + "\n";
    }

    private static Article parse(String text) {
        try {
            return PARSER.parse(text);
        } catch (ArticleFormatException e) {
            throw new AssertionError("the test article should parse: " + e.getMessage(), e);
        }
    }

    private static Article article(String headline, List<String> related, String... paragraphs) {
        return parse(text(headline, related, paragraphs));
    }

    private static Post post(String slug, String instant, Article article) {
        Instant t = Instant.parse(instant);
        return new Post(slug, article, t, t);
    }

    private static Post idlib() {
        return post("slug", "2018-09-07T10:00:00Z", article(IDLIB, List.of(MIGRATION, ATTACK),
                "Erdogan had also called for a truce, but Putin said this would be pointless.",
                "Turkey already hosts millions of refugees."));
    }

    private static List<String> titles(FeedSnapshot snapshot) {
        return snapshot.entries().stream().map(Entry::title).toList();
    }

    private static Entry entryTitled(FeedSnapshot snapshot, String title) {
        return snapshot.entries().stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled '" + title + "' in " + titles(snapshot)));
    }

    private static PublishedPost publishedPost(FeedSnapshot snapshot, String slug) {
        return snapshot.posts().stream().filter(p -> p.post().slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError("no post " + slug));
    }

    private static List<String> hrefs(String html) {
        Matcher m = Pattern.compile("\\b(?:href|src)=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static FeedSnapshot assemble(Post... posts) {
        return ASSEMBLER.assemble(entriesFeed(), List.of(posts));
    }

    // ---------------------------------------------------------------- entries per mode

    @Test
    void articleMakesOneEntryAndEachRelatedHeadlineOneMoreInEntriesMode() {
        FeedSnapshot snapshot = assemble(idlib());
        assertEquals(List.of(IDLIB, MIGRATION, ATTACK), titles(snapshot));
        assertEquals(1, snapshot.posts().size());
        assertTrue(snapshot.posts().get(0).headlines().stream().allMatch(Headline::hasEntry));
    }

    @Test
    void everyArticleOfTheFeedMakesItsOwnEntries() {
        Post other = post("other", "2018-09-06T10:00:00Z", article("Another story", List.of("Its own related line"),
                "A paragraph that ends a sentence."));
        FeedSnapshot snapshot = assemble(idlib(), other);
        assertEquals(List.of(IDLIB, MIGRATION, ATTACK, "Another story", "Its own related line"), titles(snapshot));
    }

    @Test
    void linksModeMakesOnlyTheArticleEntryAndKeepsHeadlinesAsLinksInItsContent() {
        FeedSnapshot snapshot = ASSEMBLER.assemble(feed(RelatedMode.LINKS, 50), List.of(idlib()));
        assertEquals(List.of(IDLIB), titles(snapshot));
        Entry entry = snapshot.entries().get(0);
        String permalink = "https://example.org/feeds/world/slug";
        assertTrue(entry.contentHtml().contains("<a href=\"" + permalink + "#related-turkish-minister-warns-of-mass-migration-from-idlib\">"
                + MIGRATION + "</a>"), entry.contentHtml());
        assertTrue(entry.contentHtml().contains(ATTACK), entry.contentHtml());
        assertTrue(entry.related().isEmpty(), "anchors on the article's own page are not related entries: " + entry.related());
        assertTrue(snapshot.posts().get(0).headlines().stream().allMatch(h -> h.target() == Target.ANCHOR));
    }

    @Test
    void articleEntryLinksToEachRelatedEntry() {
        FeedSnapshot snapshot = assemble(idlib());
        Entry article = snapshot.entries().get(0);
        List<Entry.RelatedLink> expected = List.of(
                new Entry.RelatedLink(snapshot.entries().get(1).link(), MIGRATION),
                new Entry.RelatedLink(snapshot.entries().get(2).link(), ATTACK));
        assertEquals(expected, article.related());
        assertTrue(article.contentHtml().contains("<h3>Related</h3>"), article.contentHtml());
    }

    @Test
    void relatedHeadlineEntryLinksBackToItsArticle() {
        FeedSnapshot snapshot = assemble(idlib());
        Entry article = snapshot.entries().get(0);
        Entry related = entryTitled(snapshot, MIGRATION);
        assertEquals("https://example.org/feeds/world/slug#related-turkish-minister-warns-of-mass-migration-from-idlib",
                related.link());
        assertEquals(Optional.of("Related to: " + IDLIB), related.summary());
        assertEquals(List.of(new Entry.RelatedLink(article.link(), IDLIB)), related.related());
        assertEquals("<p>" + MIGRATION + "</p>\n<p>Related to <a href=\"" + article.link() + "\">" + IDLIB + "</a></p>\n",
                related.contentHtml());
        assertEquals(article.published(), related.published());
        assertEquals(Optional.empty(), related.externalUrl());
    }

    @Test
    void relatedEntriesShareTheArticlesAuthorAndCategoriesButNotItsExternalLink() {
        Article a = parse("---\nauthor: Jane Roe\ncategories: [Politics, Turkey]\nlink: https://elsewhere.example/story\n---\n"
                + text(IDLIB, List.of(MIGRATION), "A paragraph that ends a sentence."));
        FeedSnapshot snapshot = assemble(post("slug", "2018-09-07T10:00:00Z", a));
        Entry article = snapshot.entries().get(0);
        Entry related = snapshot.entries().get(1);
        assertEquals(Optional.of("Jane Roe"), article.author());
        assertEquals(List.of("Politics", "Turkey"), article.categories());
        assertEquals(Optional.of("https://elsewhere.example/story"), article.externalUrl());
        assertEquals(Optional.of("Jane Roe"), related.author());
        assertEquals(List.of("Politics", "Turkey"), related.categories());
        assertEquals(Optional.empty(), related.externalUrl());
    }

    // ---------------------------------------------------------------- headlines naming another article

    @Test
    void headlineThatIsAnotherArticlesTitleLinksToThatArticleAndMakesNoEntry() {
        Post other = post("migration", "2018-09-06T08:00:00Z", article(MIGRATION, List.of(),
                "Ankara fears a new wave of refugees."));
        // The same headline, but in other case and with other white space
        Post main = post("slug", "2018-09-07T10:00:00Z", article(IDLIB,
                List.of("TURKISH  minister warns of MASS migration\tfrom Idlib", ATTACK),
                "Erdogan had also called for a truce."));
        FeedSnapshot snapshot = assemble(main, other);

        assertEquals(List.of(IDLIB, ATTACK, MIGRATION), titles(snapshot), "one entry per article, one for ATTACK only");
        Headline h = publishedPost(snapshot, "slug").headlines().get(0);
        assertEquals(Target.ARTICLE, h.target());
        assertTrue(h.linksToArticle());
        assertFalse(h.hasEntry());
        assertEquals("https://example.org/feeds/world/migration", h.href());
        Entry article = snapshot.entries().get(0);
        assertEquals("https://example.org/feeds/world/migration", article.related().get(0).href());
        assertTrue(article.contentHtml().contains("<a href=\"https://example.org/feeds/world/migration\">"),
                article.contentHtml());
    }

    @Test
    void headlineThatIsAnotherArticlesTitleLinksToItAlsoInLinksMode() {
        Post other = post("migration", "2018-09-06T08:00:00Z", article(MIGRATION, List.of(), "A sentence."));
        FeedSnapshot snapshot = ASSEMBLER.assemble(feed(RelatedMode.LINKS, 50), List.of(idlib(), other));
        assertEquals(List.of(IDLIB, MIGRATION), titles(snapshot));
        List<Headline> headlines = publishedPost(snapshot, "slug").headlines();
        assertEquals(Target.ARTICLE, headlines.get(0).target());
        assertEquals(Target.ANCHOR, headlines.get(1).target());
        assertEquals(List.of(new Entry.RelatedLink("https://example.org/feeds/world/migration", MIGRATION)),
                snapshot.entries().get(0).related(), "another article is related; an anchor on the same page is not");
    }

    /**
     * Pages saved as text are full of no-break spaces (the parser treats them as white space
     * around a line); two titles that differ only in a no-break space differ only in white space.
     */
    @Test
    void headlineThatDiffersFromAnotherArticlesTitleOnlyByANoBreakSpaceStillLinksToIt() {
        Post other = post("migration", "2018-09-06T08:00:00Z", article(MIGRATION, List.of(), "A sentence."));
        Post main = post("slug", "2018-09-07T10:00:00Z", article(IDLIB,
                List.of("Turkish minister warns of mass\u00A0migration from Idlib"), "A sentence."));
        FeedSnapshot snapshot = assemble(main, other);
        assertEquals(Target.ARTICLE, publishedPost(snapshot, "slug").headlines().get(0).target());
        assertEquals(List.of(IDLIB, MIGRATION), titles(snapshot));
    }

    @Test
    void headlineEqualToItsOwnArticlesTitleDoesNotLinkTheArticleToItself() {
        Post self = post("self", "2018-09-07T10:00:00Z", parse("---\nrelated: [\"" + IDLIB + "\"]\n---\n"
                + text(IDLIB, List.of(), "A sentence.")));
        FeedSnapshot snapshot = assemble(self);
        Headline h = snapshot.posts().get(0).headlines().get(0);
        assertEquals(Target.ENTRY, h.target());
        assertEquals("https://example.org/feeds/world/self#related-" + Slugs.of(IDLIB), h.href());
    }

    @Test
    void headlineNamingTwoArticlesWithTheSameTitleLinksToTheNewest() {
        Post older = post("older", "2018-09-01T00:00:00Z", article(MIGRATION, List.of(), "Old version."));
        Post newer = post("newer", "2018-09-05T00:00:00Z", article(MIGRATION, List.of(), "New version."));
        Post main = post("slug", "2018-09-07T00:00:00Z", article(IDLIB, List.of(MIGRATION), "A sentence."));
        for (List<Post> order : List.of(List.of(older, newer, main), List.of(main, newer, older))) {
            FeedSnapshot snapshot = ASSEMBLER.assemble(entriesFeed(), order);
            assertEquals("https://example.org/feeds/world/newer", publishedPost(snapshot, "slug").headlines().get(0).href());
        }
    }

    // ---------------------------------------------------------------- ids

    @Test
    void articleIdIsATagUriFromTheHostThePublishedDateAndThePath() {
        FeedSnapshot snapshot = assemble(idlib());
        assertEquals("tag:example.org,2018-09-07:/feeds/world/slug", snapshot.entries().get(0).id());
        assertEquals("tag:example.org,2018-09-07:/feeds/world/slug", snapshot.posts().get(0).id());
    }

    @Test
    void tagUriDateIsThePublishedDayInUtc() {
        // 23:30 at UTC-02:00 on the 6th is 01:30 UTC on the 7th
        Instant t = Instant.parse("2018-09-07T01:30:00Z");
        FeedSnapshot snapshot = assemble(new Post("late", article("Late story", List.of(), "A sentence."), t, t));
        assertEquals("tag:example.org,2018-09-07:/feeds/world/late", snapshot.entries().get(0).id());
    }

    /**
     * The tag URI names the article by host and feed path only: neither the scheme, the port nor
     * a path in the base URL is part of it, so moving Dispatch behind another port or under a
     * path keeps every id. A defensible choice: two Dispatch instances on one host under
     * different paths with the same feed and slug on the same day would share an id.
     */
    @Test
    void tagUriUsesTheLowercasedHostOnlyNotSchemePortOrBasePath() {
        EntryAssembler assembler = new EntryAssembler(new Links("http://News.Example.ORG:8443/dispatch"));
        FeedSnapshot snapshot = assembler.assemble(entriesFeed(), List.of(idlib()));
        assertEquals("tag:news.example.org,2018-09-07:/feeds/world/slug", snapshot.entries().get(0).id());
        assertEquals("http://News.Example.ORG:8443/dispatch/feeds/world/slug", snapshot.entries().get(0).link());
    }

    @Test
    void frontMatterIdIsUsedAsIs() {
        Article a = parse("---\nid: https://example.com/articles/42\n---\n" + text(IDLIB, List.of(), "A sentence."));
        FeedSnapshot snapshot = assemble(post("slug", "2018-09-07T10:00:00Z", a));
        assertEquals("https://example.com/articles/42", snapshot.entries().get(0).id());
    }

    @Test
    void relatedIdsAreTheArticleIdWithTheHeadlinesFragment() {
        FeedSnapshot snapshot = assemble(idlib());
        assertEquals("tag:example.org,2018-09-07:/feeds/world/slug#related-turkish-minister-warns-of-mass-migration-from-idlib",
                snapshot.entries().get(1).id());
        assertEquals("tag:example.org,2018-09-07:/feeds/world/slug#related-attack-on-idlib-could-lead-to-worst-loss-of-life-this-century",
                snapshot.entries().get(2).id());
    }

    @Test
    void relatedIdsFollowAFrontMatterId() {
        Article a = parse("---\nid: https://example.com/articles/42\n---\n" + text(IDLIB, List.of(MIGRATION), "A sentence."));
        FeedSnapshot snapshot = assemble(post("slug", "2018-09-07T10:00:00Z", a));
        assertEquals("https://example.com/articles/42#related-turkish-minister-warns-of-mass-migration-from-idlib",
                snapshot.entries().get(1).id());
    }

    /** An IRI has at most one fragment: a front matter id that has one is extended with a dash. */
    @Test
    void relatedIdOfAnArticleIdThatAlreadyHasAFragmentIsExtendedWithADash() {
        Article a = parse("---\nid: https://example.com/page#story\n---\n" + text(IDLIB, List.of(MIGRATION), "A sentence."));
        FeedSnapshot snapshot = assemble(post("slug", "2018-09-07T10:00:00Z", a));
        String id = snapshot.entries().get(1).id();
        assertEquals("https://example.com/page#story-related-turkish-minister-warns-of-mass-migration-from-idlib", id);
        assertEquals(1, id.chars().filter(c -> c == '#').count());
    }

    @Test
    void relatedIdsOfAUrnUuidArticleAreNameBasedUuids() {
        String articleId = "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a";
        Article a = parse("---\nid: " + articleId + "\n---\n" + text(IDLIB, List.of(MIGRATION, ATTACK), "A sentence."));
        FeedSnapshot snapshot = assemble(post("slug", "2018-09-07T10:00:00Z", a));
        assertEquals(articleId, snapshot.entries().get(0).id());
        Set<String> ids = new HashSet<>();
        for (Entry related : snapshot.entries().subList(1, 3)) {
            String id = related.id();
            assertTrue(id.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                    "a version 3 (name-based) UUID URN, without a fragment: " + id);
            String fragment = related.link().substring(related.link().indexOf('#') + 1);
            UUID expected = UUID.nameUUIDFromBytes((articleId + "#" + fragment).getBytes(StandardCharsets.UTF_8));
            assertEquals("urn:uuid:" + expected, id);
            ids.add(id);
        }
        assertEquals(2, ids.size());
    }

    @Test
    void urnUuidIsRecognisedWhateverItsCase() {
        String id = EntryAssembler.relatedId("URN:UUID:1225C695-CFB8-4EBB-AAAA-80DA344EFA6A", "related-x");
        assertTrue(id.startsWith("urn:uuid:") && !id.contains("#"), id);
    }

    @Test
    void idsStayTheSameWhenTheBodyOrTheHeadlineIsEdited() {
        Post before = idlib();
        Post after = post("slug", "2018-09-07T10:00:00Z", article(IDLIB + " (updated)", List.of(ATTACK, MIGRATION),
                "A rewritten first paragraph.", "Another paragraph.", "And a third one."));
        List<String> idsBefore = assemble(before).entries().stream().map(Entry::id).sorted().toList();
        List<String> idsAfter = assemble(after).entries().stream().map(Entry::id).sorted().toList();
        assertEquals(idsBefore, idsAfter);
    }

    @Test
    void idsChangeWithTheSlugOrThePublishedDay() {
        String id = assemble(idlib()).entries().get(0).id();
        Post renamed = post("other-slug", "2018-09-07T10:00:00Z", idlib().article());
        Post redated = post("slug", "2018-09-08T10:00:00Z", idlib().article());
        assertNotEquals(id, assemble(renamed).entries().get(0).id());
        assertNotEquals(id, assemble(redated).entries().get(0).id());
    }

    @Test
    void headlinesThatSlugTheSameGetDistinctFragments() {
        Post p = post("slug", "2018-09-07T10:00:00Z", article(IDLIB,
                List.of("Idlib: the offensive", "Idlib \u2014 the offensive?", "IDLIB, the offensive!", "Idlib the offensive 2"),
                "A sentence."));
        FeedSnapshot snapshot = assemble(p);
        List<String> fragments = snapshot.posts().get(0).headlines().stream().map(Headline::fragment).toList();
        assertEquals(List.of("related-idlib-the-offensive", "related-idlib-the-offensive-2",
                "related-idlib-the-offensive-3", "related-idlib-the-offensive-2-2"), fragments);
        assertEquals(5, snapshot.entries().stream().map(Entry::id).distinct().count());
        assertEquals(5, snapshot.entries().stream().map(Entry::link).distinct().count());
    }

    @Test
    void headlineWithoutLatinLettersOrDigitsStillGetsAFragment() {
        Post p = post("slug", "2018-09-07T10:00:00Z", article(IDLIB, List.of("Новости дня"), "A sentence."));
        Entry related = assemble(p).entries().get(1);
        assertTrue(related.link().matches("https://example\\.org/feeds/world/slug#related-h[0-9a-f]{12}"), related.link());
    }

    // ---------------------------------------------------------------- order and limit

    @Test
    void entriesAreNewestFirstAndTheSlugBreaksTiesWhateverTheInputOrder() {
        Post a = post("a", "2024-06-01T00:00:00Z", article("Story A", List.of(), "A sentence."));
        Post b = post("b", "2024-06-01T00:00:00Z", article("Story B", List.of(), "A sentence."));
        Post c = post("c", "2024-06-02T00:00:00Z", article("Story C", List.of(), "A sentence."));
        Post d = post("d", "2024-05-31T23:59:59Z", article("Story D", List.of(), "A sentence."));
        FeedSnapshot expected = ASSEMBLER.assemble(entriesFeed(), List.of(a, b, c, d));
        assertEquals(List.of("Story C", "Story A", "Story B", "Story D"), titles(expected));
        assertEquals(List.of("c", "a", "b", "d"), expected.posts().stream().map(p -> p.post().slug()).toList());
        for (List<Post> order : List.of(List.of(d, c, b, a), List.of(b, d, a, c), List.of(c, a, d, b))) {
            assertEquals(expected, ASSEMBLER.assemble(entriesFeed(), order), "input order " + order.stream().map(Post::slug).toList());
        }
    }

    @Test
    void relatedEntriesFollowTheirArticleInHeadlineOrder() {
        Post older = post("older", "2018-09-06T10:00:00Z", article("Older story", List.of("Older related"), "A sentence."));
        assertEquals(List.of(IDLIB, MIGRATION, ATTACK, "Older story", "Older related"), titles(assemble(older, idlib())));
    }

    @Test
    void limitCutsTheEntriesButNotThePosts() {
        Post older = post("older", "2018-09-06T10:00:00Z", article("Older story", List.of("Older related"), "A sentence."));
        FeedSnapshot snapshot = ASSEMBLER.assemble(feed(RelatedMode.ENTRIES, 2), List.of(older, idlib()));
        assertEquals(List.of(IDLIB, MIGRATION), titles(snapshot));
        assertEquals(2, snapshot.posts().size(), "every post keeps its permalink page");
    }

    @Test
    void limitOfOneKeepsOnlyTheNewestArticle() {
        Post older = post("older", "2018-09-06T10:00:00Z", article("Older story", List.of(), "A sentence."));
        FeedSnapshot snapshot = ASSEMBLER.assemble(feed(RelatedMode.LINKS, 1), List.of(older, idlib()));
        assertEquals(List.of(IDLIB), titles(snapshot));
    }

    @Test
    void limitLargerThanTheNumberOfEntriesKeepsThemAll() {
        FeedSnapshot snapshot = ASSEMBLER.assemble(feed(RelatedMode.ENTRIES, 1000), List.of(idlib()));
        assertEquals(3, snapshot.entries().size());
    }

    // ---------------------------------------------------------------- summary and content

    @Test
    void summaryIsTheFirstParagraph() {
        assertEquals(Optional.of("Erdogan had also called for a truce, but Putin said this would be pointless."),
                assemble(idlib()).entries().get(0).summary());
    }

    @Test
    void headlineOnlyArticleHasItsTitleAsSummaryAndAsContent() {
        FeedSnapshot snapshot = assemble(post("only", "2024-06-01T00:00:00Z", parse("Only a headline & nothing <else>\n")));
        Entry entry = snapshot.entries().get(0);
        assertEquals(Optional.of("Only a headline & nothing <else>"), entry.summary());
        assertEquals("<p>Only a headline &amp; nothing &lt;else&gt;</p>\n", entry.contentHtml());
    }

    @Test
    void articleOfHeadlinesOnlyHasItsTitleAsSummaryAndTheRelatedListAsContent() {
        FeedSnapshot snapshot = assemble(post("list", "2024-06-01T00:00:00Z", parse(text(IDLIB, List.of(MIGRATION, ATTACK)))));
        Entry entry = snapshot.entries().get(0);
        assertEquals(Optional.of(IDLIB), entry.summary());
        assertTrue(entry.contentHtml().startsWith("<h3>Related</h3>\n<ul>\n<li>"), entry.contentHtml());
    }

    @Test
    void textInTitlesAndHeadlinesIsEscapedInContent() {
        Post p = post("markup", "2024-06-01T00:00:00Z", article("Tom & <Jerry>", List.of("<script>alert(1)</script> & more"),
                "Body with <b>tags</b> & ampersands."));
        FeedSnapshot snapshot = assemble(p);
        for (Entry e : snapshot.entries()) {
            assertFalse(e.contentHtml().contains("<script>"), e.contentHtml());
            assertFalse(e.contentHtml().contains("<b>"), e.contentHtml());
            assertFalse(e.contentHtml().contains("<Jerry>"), e.contentHtml());
        }
        assertTrue(snapshot.entries().get(0).contentHtml().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assertTrue(snapshot.entries().get(1).contentHtml().contains("Tom &amp; &lt;Jerry&gt;"));
        assertEquals("<script>alert(1)</script> & more", snapshot.entries().get(1).title(), "titles stay plain text");
    }

    // ---------------------------------------------------------------- updated times

    @Test
    void entriesSharingOneUpdatedTimeAreSpacedOneSecondApartTheFirstLatest() {
        Instant day = Instant.parse("2024-06-01T00:00:00Z");
        Post a = new Post("a", article("Story A", List.of("A related"), "A sentence."), day, day);
        Post b = new Post("b", article("Story B", List.of("B related one", "B related two"), "A sentence."), day, day);
        FeedSnapshot snapshot = ASSEMBLER.assemble(entriesFeed(), List.of(b, a));
        assertEquals(List.of("Story A", "A related", "Story B", "B related one", "B related two"), titles(snapshot));
        List<Instant> updated = snapshot.entries().stream().map(Entry::updated).toList();
        assertEquals(List.of(day.plusSeconds(4), day.plusSeconds(3), day.plusSeconds(2), day.plusSeconds(1), day), updated);
        assertTrue(snapshot.entries().stream().allMatch(e -> e.published().equals(day)), "published is kept as it is");
    }

    @Test
    void entriesWithTheirOwnUpdatedTimesKeepThem() {
        Post a = post("a", "2024-06-02T10:00:00Z", article("Story A", List.of(), "A sentence."));
        Post b = post("b", "2024-06-01T10:00:00Z", article("Story B", List.of(), "A sentence."));
        FeedSnapshot snapshot = assemble(a, b);
        assertEquals(List.of(Instant.parse("2024-06-02T10:00:00Z"), Instant.parse("2024-06-01T10:00:00Z")),
                snapshot.entries().stream().map(Entry::updated).toList());
    }

    @Test
    void groupsOfEqualUpdatedTimesAreSpacedEachOnItsOwn() {
        Instant day1 = Instant.parse("2024-06-01T00:00:00Z");
        Instant day2 = Instant.parse("2024-06-02T00:00:00Z");
        Post a = new Post("a", article("Story A", List.of("A related"), "A sentence."), day2, day2);
        Post b = new Post("b", article("Story B", List.of("B related"), "A sentence."), day1, day1);
        FeedSnapshot snapshot = assemble(a, b);
        assertEquals(List.of(day2.plusSeconds(1), day2, day1.plusSeconds(1), day1),
                snapshot.entries().stream().map(Entry::updated).toList());
    }

    @Test
    void frontMatterUpdatedDateIsTheEntrysUpdatedTime() {
        Article a = parse("---\nupdated: 2024-06-05T12:00:00Z\n---\n" + text("Story", List.of(), "A sentence."));
        Instant published = Instant.parse("2024-06-01T00:00:00Z");
        FeedSnapshot snapshot = assemble(new Post("s", a, published, a.meta().updated().orElseThrow()));
        Entry e = snapshot.entries().get(0);
        assertEquals(published, e.published());
        assertEquals(Instant.parse("2024-06-05T12:00:00Z"), e.updated());
        assertEquals(Instant.parse("2024-06-05T12:00:00Z"), snapshot.updated());
    }

    @Test
    void feedIsUpdatedAtItsLatestEntry() {
        Post older = post("older", "2018-09-06T10:00:00Z", article("Older story", List.of(), "A sentence."));
        FeedSnapshot snapshot = assemble(older, idlib());
        Instant latest = snapshot.entries().stream().map(Entry::updated).max(Instant::compareTo).orElseThrow();
        assertEquals(latest, snapshot.updated());
        assertEquals(snapshot.entries().get(0).updated(), snapshot.updated(), "the first entry is the latest");
        assertEquals(Instant.parse("2018-09-07T10:00:02Z"), snapshot.updated());
    }

    @Test
    void emptyFeedHasNoEntriesAndIsUpdatedAtTheEpoch() {
        FeedSnapshot snapshot = ASSEMBLER.assemble(entriesFeed(), List.of());
        assertTrue(snapshot.entries().isEmpty());
        assertTrue(snapshot.posts().isEmpty());
        assertEquals(Instant.EPOCH, snapshot.updated());
        assertEquals("world", snapshot.id());
    }

    @Test
    void assemblingTheSamePostsTwiceGivesEqualSnapshots() {
        assertEquals(assemble(idlib()), assemble(idlib()));
    }

    // ---------------------------------------------------------------- absolute links

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org", "https://example.org/", "https://example.org/news",
            "https://example.org/news/", "http://localhost:8080"})
    void everyLinkIsAbsoluteUnderTheBaseUrl(String baseUrl) throws ArticleFormatException {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        EntryAssembler assembler = new EntryAssembler(new Links(baseUrl));
        Post other = post("migration", "2018-09-06T08:00:00Z", article(MIGRATION, List.of(), "A sentence."));
        Post md = post("md", "2018-09-05T08:00:00Z", PARSER.parse(
                "# Markdown story\n\nSee [the other story](migration) and [this one](#top).\n\nA map, ![a map](img/map.png), shows it.\n",
                Syntax.MARKDOWN));
        FeedSnapshot snapshot = assembler.assemble(entriesFeed(), List.of(idlib(), other, md));

        String prefix = base + "/feeds/world/";
        assertEquals(base + "/feeds/world/slug", snapshot.entries().get(0).link());
        int urls = 0;
        for (Entry e : snapshot.entries()) {
            List<String> all = new ArrayList<>(hrefs(e.contentHtml()));
            all.add(e.link());
            e.related().forEach(r -> all.add(r.href()));
            for (String url : all) {
                assertTrue(url.startsWith(prefix), "'" + url + "' should start with " + prefix + " (entry " + e.title() + ")");
                assertFalse(url.substring(url.indexOf("//") + 2).contains("//"), "no empty path segment: " + url);
                urls++;
            }
        }
        assertTrue(urls >= 10, "the test should check many URLs, checked " + urls);
        Entry markdown = entryTitled(snapshot, "Markdown story");
        assertTrue(markdown.contentHtml().contains("href=\"" + prefix + "migration\""), markdown.contentHtml());
        assertTrue(markdown.contentHtml().contains("href=\"" + prefix + "md#top\""), markdown.contentHtml());
        assertTrue(markdown.contentHtml().contains("src=\"" + prefix + "img/map.png\""), markdown.contentHtml());
    }
}
