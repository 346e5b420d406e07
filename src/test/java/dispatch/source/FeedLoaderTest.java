package dispatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.article.ArticleParser;
import dispatch.feed.FeedDefinition;
import dispatch.feed.Post;
import dispatch.feed.RelatedMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit tests for {@link FeedLoader} on feeds directories built in a temporary folder: good and
 * bad articles side by side (binary, not UTF-8, empty, oversize, bad front matter), drafts, files
 * that are not articles, slug collisions, folders that are not feed names, missing and bad
 * {@code feed.yaml} files, and where each article's dates come from. Every bad file must be
 * reported as a {@link Problem} naming it relative to the feeds folder, while everything else
 * still loads. Plain JUnit, no Quarkus.
 */
class FeedLoaderTest {

    private static final long MAX_BYTES = 2_000;
    private static final String GOOD = "A good headline\n\nA related headline\n\nA paragraph that ends a sentence.\n";

    @TempDir
    Path root;

    private Path feeds;

    @BeforeEach
    void createFeedsDir() throws IOException {
        feeds = Files.createDirectory(root.resolve("feeds"));
    }

    // ---------------------------------------------------------------- helpers

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = feeds.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private void feed(String id, String yaml) throws IOException {
        write(id + "/feed.yaml", yaml);
    }

    private FeedLoader loader() {
        return new FeedLoader(feeds, new ArticleParser(), MAX_BYTES);
    }

    /** Everything loadAll gives: the feeds by id and the problems in the order reported. */
    private record Loaded(Map<String, LoadedFeed> feeds, List<Problem> problems) {

        LoadedFeed feed(String id) {
            LoadedFeed f = feeds.get(id);
            if (f == null) {
                throw new AssertionError("feed " + id + " was not loaded; problems: " + problems);
            }
            return f;
        }

        List<String> slugs(String id) {
            return feed(id).posts().stream().map(Post::slug).toList();
        }

        Post post(String id, String slug) {
            return feed(id).posts().stream().filter(p -> p.slug().equals(slug)).findFirst()
                    .orElseThrow(() -> new AssertionError("no post " + slug + " in " + slugs(id)));
        }

        Problem problem(String file) {
            List<Problem> found = problems.stream().filter(p -> p.file().equals(Path.of(file))).toList();
            assertEquals(1, found.size(), () -> "exactly one problem for " + file + ", got " + problems);
            return found.get(0);
        }

        Set<Path> problemFiles() {
            return problems.stream().map(Problem::file).collect(Collectors.toSet());
        }
    }

    private Loaded loadAll() throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<LoadedFeed> loaded = loader().loadAll(problems::add);
        Map<String, LoadedFeed> byId = loaded.stream()
                .collect(Collectors.toMap(f -> f.definition().id(), Function.identity()));
        assertEquals(loaded.size(), byId.size(), "each feed once");
        return new Loaded(byId, problems);
    }

    private static void assertReason(Problem problem, String expected) {
        assertTrue(problem.reason().contains(expected),
                () -> "expected the reason for " + problem.file() + " to contain '" + expected + "' but it was: " + problem.reason());
    }

    // ---------------------------------------------------------------- good and bad articles

    @Test
    void badArticlesAreReportedByNameAndReasonWhileGoodOnesLoad() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-01-good.txt", GOOD);
        write("world/good.md", "# A Markdown headline\n\nA *paragraph*.\n");
        write("world/binary.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1});
        write("world/latin1.txt", "Caf\u00e9 au lait\n\nA sentence.\n".getBytes(StandardCharsets.ISO_8859_1));
        write("world/empty.txt", new byte[0]);
        write("world/blank.txt", "  \n\n\t\n");
        write("world/big.txt", "Headline\n\n" + "A long sentence. ".repeat(200));
        write("world/typo.md", "---\ntitel: Misspelt\n---\nHeadline\n\nBody.\n");
        write("world/bad-date.txt", "---\ndate: yesterday\n---\nHeadline\n\nBody.\n");
        write("world/unclosed.txt", "---\ntitle: Never closed\nHeadline\n\nBody.\n");

        Loaded loaded = loadAll();

        assertEquals(List.of("2024-06-01-good", "good"), loaded.slugs("world"));
        assertReason(loaded.problem("feeds/world/binary.txt"), "binary");
        assertReason(loaded.problem("feeds/world/latin1.txt"), "not valid UTF-8");
        assertReason(loaded.problem("feeds/world/empty.txt"), "empty");
        assertReason(loaded.problem("feeds/world/blank.txt"), "no text");
        assertReason(loaded.problem("feeds/world/big.txt"), "too large");
        assertReason(loaded.problem("feeds/world/big.txt"), "over the limit of " + MAX_BYTES);
        assertReason(loaded.problem("feeds/world/typo.md"), "unknown front matter key 'titel'");
        assertReason(loaded.problem("feeds/world/bad-date.txt"), "'date' is not a date");
        assertReason(loaded.problem("feeds/world/unclosed.txt"), "never closed");
        assertEquals(8, loaded.problems().size(), () -> "one problem per bad file: " + loaded.problems());
    }

    @Test
    void problemNamesTheFileRelativeToTheFeedsFolderAndReadsAsOneLine() throws IOException {
        feed("world", "title: World\n");
        write("world/x.txt", new byte[] {0});
        Problem problem = loadAll().problem("feeds/world/x.txt");
        assertFalse(problem.file().isAbsolute());
        assertEquals("feeds/world/x.txt", problem.file().toString());
        assertTrue(problem.toString().startsWith("feeds/world/x.txt: "), problem.toString());
        assertFalse(problem.reason().contains("\n"), "one log line: " + problem.reason());
    }

    @Test
    void fileJustAtTheSizeLimitIsRead() throws IOException {
        feed("world", "title: World\n");
        String text = "Headline\n\n" + "x".repeat((int) MAX_BYTES - 12) + ".\n";
        assertEquals(MAX_BYTES, text.getBytes(StandardCharsets.UTF_8).length);
        write("world/limit.txt", text);
        Loaded loaded = loadAll();
        assertEquals(List.of("limit"), loaded.slugs("world"));
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
    }

    @Test
    void utf8WithAByteOrderMarkAndCrlfLineEndsLoads() throws IOException {
        feed("world", "title: World\n");
        write("world/bom.txt", "\uFEFFHeadline with BOM\r\n\r\nA sentence.\r\n");
        Loaded loaded = loadAll();
        assertEquals("Headline with BOM", loaded.post("world", "bom").title());
    }

    @Test
    void draftsAreLeftOutWithoutAProblem() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-01-published.txt", GOOD);
        write("world/2024-06-02-draft.txt", "---\ndraft: true\n---\n" + GOOD);
        write("world/2024-06-03-not-draft.txt", "---\ndraft: false\n---\n" + GOOD);
        Loaded loaded = loadAll();
        assertEquals(List.of("2024-06-01-published", "2024-06-03-not-draft"), loaded.slugs("world"));
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
    }

    @Test
    void filesThatAreNotArticlesAreIgnoredSilently() throws IOException {
        feed("world", "title: World\n");
        write("world/article.TXT", GOOD);
        write("world/notes.json", "{}");
        write("world/picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        write("world/.hidden.txt", new byte[] {0});
        write("world/README", "not an article");
        write("world/post.markdown", GOOD);
        Files.createDirectories(feeds.resolve("world/folder.txt"));
        Loaded loaded = loadAll();
        assertEquals(List.of("article"), loaded.slugs("world"));
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
    }

    @Test
    void postsAreInFileNameOrder() throws IOException {
        feed("world", "title: World\n");
        write("world/c.txt", GOOD);
        write("world/a.txt", GOOD);
        write("world/b.md", GOOD);
        assertEquals(List.of("a", "b", "c"), loadAll().slugs("world"));
    }

    // ---------------------------------------------------------------- slugs

    @Test
    void twoFilesWithTheSameSlugAreReportedAndTheFirstByNameWins() throws IOException {
        feed("world", "title: World\n");
        write("world/a.txt", "From the text file\n\nA sentence.\n");
        write("world/a.md", "From the Markdown file\n\nA sentence.\n");
        Loaded loaded = loadAll();
        assertEquals(List.of("a"), loaded.slugs("world"));
        assertEquals("From the Markdown file", loaded.post("world", "a").title());
        Problem problem = loaded.problem("feeds/world/a.txt");
        assertReason(problem, "/feeds/world/a");
        assertReason(problem, "already taken by a.md");
    }

    @Test
    void fileNamesThatSlugTheSameCollideToo() throws IOException {
        feed("world", "title: World\n");
        write("world/Hello World.txt", GOOD);
        write("world/hello-world.txt", GOOD);
        write("world/hello_world!.md", GOOD);
        Loaded loaded = loadAll();
        assertEquals(List.of("hello-world"), loaded.slugs("world"));
        assertEquals(2, loaded.problems().size(), loaded.problems().toString());
        loaded.problems().forEach(p -> assertReason(p, "already taken by Hello World.txt"));
    }

    @Test
    void aDraftNeverTakesTheSlugOfAPublishedArticle() throws IOException {
        feed("world", "title: World\n");
        write("world/a.md", "---\ndraft: true\n---\nThe draft\n\nA sentence.\n");
        write("world/a.txt", "The published one\n\nA sentence.\n");
        Loaded loaded = loadAll();
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
        assertEquals(List.of("The published one"), loaded.feed("world").posts().stream().map(p -> p.title()).toList());
    }

    @Test
    void problemsOfSeveralFeedsAreEachReportedUnderTheirOwnFeed() throws IOException {
        feed("world", "title: World\n");
        feed("sport", "title: Sport\n");
        write("world/bad.txt", new byte[] {0});
        write("sport/bad.txt", new byte[0]);
        write("sport/good.txt", GOOD);
        Loaded loaded = loadAll();
        assertEquals(Set.of(Path.of("feeds/world/bad.txt"), Path.of("feeds/sport/bad.txt")), loaded.problemFiles());
        assertEquals(List.of("good"), loaded.slugs("sport"));
        assertTrue(loaded.feed("world").posts().isEmpty());
    }

    @Test
    void slugOfAFileIsItsNameWithoutExtensionAsAPathSegment() {
        assertEquals("2018-09-07-erdogan-idlib-offensive", FeedLoader.slugOf(Path.of("2018-09-07-erdogan-idlib-offensive.txt")));
        assertEquals("hello-world", FeedLoader.slugOf(Path.of("Hello World.md")));
        assertEquals("cafe-creme", FeedLoader.slugOf(Path.of("Café Crème.txt")));
        assertEquals("a-b", FeedLoader.slugOf(Path.of("a.b.txt")));
        assertEquals("noext", FeedLoader.slugOf(Path.of("noext")));
    }

    @Test
    void articleFilesAreVisibleRegularTxtOrMdFiles() throws IOException {
        Path txt = Files.writeString(root.resolve("a.txt"), "x");
        Path md = Files.writeString(root.resolve("b.MD"), "x");
        Path hidden = Files.writeString(root.resolve(".c.txt"), "x");
        Path other = Files.writeString(root.resolve("d.html"), "x");
        Path dir = Files.createDirectory(root.resolve("e.md"));
        FeedLoader loader = new FeedLoader(root, new ArticleParser(), MAX_BYTES);
        assertTrue(loader.isArticleFile(txt));
        assertTrue(loader.isArticleFile(md));
        assertFalse(loader.isArticleFile(hidden));
        assertFalse(loader.isArticleFile(other));
        assertFalse(loader.isArticleFile(dir));
        assertFalse(loader.isArticleFile(root.resolve("missing.txt")));
    }

    @Test
    void aFileNameWithANewlineCannotForgeALogLine() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-01-01-x\nWARN forged line.txt", new byte[] {0});
        Problem problem = loadAll().problems().get(0);
        assertFalse(problem.toString().contains("\n"), problem.toString());
        assertTrue(problem.fileName().contains("\\u000a"), problem.fileName());
    }

    // ---------------------------------------------------------------- symbolic links

    @Test
    void anArticleLinkedOutsideTheFeedsFolderIsNeverReadAndIsReported() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-01-01-good.txt", GOOD);
        Path secret = Files.writeString(root.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n\nA secret paragraph.\n");
        Files.createSymbolicLink(feeds.resolve("world/y.txt"), secret);
        Loaded loaded = loadAll();
        assertEquals(List.of("2024-01-01-good"), loaded.feed("world").posts().stream().map(Post::slug).toList());
        assertReason(loaded.problem("feeds/world/y.txt"), "outside the folder");
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
    }

    @Test
    void aFeedFolderLinkedOutsideTheFeedsFolderIsNeverReadAndIsReported() throws IOException {
        Path outside = Files.createDirectories(root.resolve("etc"));
        Files.writeString(outside.resolve("feed.yaml"), "title: Leak\n");
        Files.writeString(outside.resolve("passwd.txt"), "root:x:0:0\n\nA paragraph.\n");
        Files.createSymbolicLink(feeds.resolve("etcfeed"), outside);
        feed("world", "title: World\n");
        Loaded loaded = loadAll();
        assertEquals(Set.of("world"), loaded.feeds().keySet());
        assertReason(loaded.problem("feeds/etcfeed"), "outside the folder");
    }

    @Test
    void aFeedYamlLinkedOutsideIsAProblemOfThatFeedOnly() throws IOException {
        Path yaml = Files.writeString(root.resolve("elsewhere.yaml"), "title: Elsewhere\n");
        Files.createDirectories(feeds.resolve("linked"));
        Files.createSymbolicLink(feeds.resolve("linked/feed.yaml"), yaml);
        feed("world", "title: World\n");
        Loaded loaded = loadAll();
        assertEquals(Set.of("world"), loaded.feeds().keySet());
        assertReason(loaded.problem("feeds/linked/feed.yaml"), "outside the folder");
    }

    @Test
    void linksThatStayInsideTheFeedsFolderAreFollowed() throws IOException {
        feed("world", "title: World\n");
        Path original = write("world/2024-01-01-good.txt", GOOD);
        Files.createDirectories(feeds.resolve("tech"));
        Files.createSymbolicLink(feeds.resolve("tech/feed.yaml"), Path.of("../world/feed.yaml"));
        Files.createSymbolicLink(feeds.resolve("tech/2024-01-01-cross-posted.txt"), original);
        Files.createSymbolicLink(feeds.resolve("alias"), Path.of("world"));
        Loaded loaded = loadAll();
        assertEquals(Set.of("alias", "tech", "world"), loaded.feeds().keySet());
        assertEquals(List.of("2024-01-01-cross-posted"), loaded.feed("tech").posts().stream().map(Post::slug).toList());
        assertEquals("A good headline", loaded.feed("tech").posts().get(0).article().title());
        assertEquals(List.of(), loaded.problems());
    }

    @Test
    void aDanglingLinkIsIgnoredLikeAMissingFile() throws IOException {
        feed("world", "title: World\n");
        Files.createSymbolicLink(feeds.resolve("world/gone.txt"), feeds.resolve("world/nothing.txt"));
        Loaded loaded = loadAll();
        assertEquals(List.of(), loaded.feed("world").posts());
        assertEquals(List.of(), loaded.problems());
    }

    // ---------------------------------------------------------------- feed folders

    @Test
    void foldersWhoseNamesAreNotFeedIdsAreReported() throws IOException {
        feed("world", "title: World\n");
        feed("World", "title: Shouting\n");
        feed("my feed", "title: Spaced\n");
        feed("-dash", "title: Dash\n");
        feed("caf\u00e9", "title: Accent\n");
        Loaded loaded = loadAll();
        assertEquals(Set.of("world"), loaded.feeds().keySet());
        for (String name : List.of("World", "my feed", "-dash", "caf\u00e9")) {
            assertReason(loaded.problem("feeds/" + name), "not a feed name");
        }
        assertEquals(4, loaded.problems().size());
    }

    @Test
    void feedIdsMayHoldLowercaseLettersDigitsDashesAndUnderscores() throws IOException {
        for (String id : List.of("a", "0", "world-news_2", "x".repeat(64))) {
            feed(id, "title: T\n");
        }
        Loaded loaded = loadAll();
        assertEquals(Set.of("a", "0", "world-news_2", "x".repeat(64)), loaded.feeds().keySet());
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
    }

    @Test
    void hiddenFoldersAndLooseFilesInTheFeedsFolderAreIgnored() throws IOException {
        feed("world", "title: World\n");
        feed(".git", "not: a feed\n");
        write("README.txt", "Not a feed.");
        write(".DS_Store", new byte[] {0, 1, 2});
        Loaded loaded = loadAll();
        assertEquals(Set.of("world"), loaded.feeds().keySet());
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
    }

    @Test
    void folderWithoutFeedYamlIsReportedAndOtherFeedsStillLoad() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-01-good.txt", GOOD);
        write("orphan/2024-06-01-good.txt", GOOD);
        Loaded loaded = loadAll();
        assertEquals(Set.of("world"), loaded.feeds().keySet());
        assertEquals(List.of("2024-06-01-good"), loaded.slugs("world"));
        Problem problem = loaded.problem("feeds/orphan/feed.yaml");
        assertReason(problem, "missing");
        assertReason(problem, "feed.yaml");
    }

    @Test
    void badFeedYamlFilesAreEachReportedAndOtherFeedsStillLoad() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-01-good.txt", GOOD);
        feed("unknown-key", "title: T\ntitel: typo\n");
        feed("bad-related", "title: T\nrelated-headlines: both\n");
        feed("zero-ttl", "title: T\nttl: 0\n");
        feed("bad-language", "title: T\nlanguage: English\n");
        feed("no-title", "description: Where is the title?\n");
        feed("not-yaml", "title: [unclosed\n");
        Loaded loaded = loadAll();

        assertEquals(Set.of("world"), loaded.feeds().keySet());
        assertEquals(List.of("2024-06-01-good"), loaded.slugs("world"));
        assertReason(loaded.problem("feeds/unknown-key/feed.yaml"), "unknown key 'titel'");
        assertReason(loaded.problem("feeds/bad-related/feed.yaml"), "'related-headlines' must be 'entries' or 'links'");
        assertReason(loaded.problem("feeds/zero-ttl/feed.yaml"), "'ttl'");
        assertReason(loaded.problem("feeds/bad-language/feed.yaml"), "'language'");
        assertReason(loaded.problem("feeds/no-title/feed.yaml"), "'title' is required");
        loaded.problem("feeds/not-yaml/feed.yaml");
        assertEquals(6, loaded.problems().size(), loaded.problems().toString());
    }

    @Test
    void articlesOfAFeedWithABadFeedYamlAreNotReadOrReported() throws IOException {
        feed("broken", "titel: typo\n");
        write("broken/binary.txt", new byte[] {0});
        Loaded loaded = loadAll();
        assertEquals(Set.of(Path.of("feeds/broken/feed.yaml")), loaded.problemFiles());
    }

    @Test
    void loadingOneFeedWithoutFeedYamlThrowsAClearException() throws IOException {
        Files.createDirectories(feeds.resolve("orphan"));
        FeedDefinitionException e = assertThrows(FeedDefinitionException.class, () -> loader().load("orphan", p -> { }));
        assertTrue(e.getMessage().contains("feed.yaml"), e.getMessage());
    }

    @Test
    void missingFeedsFolderIsAnIoException() {
        FeedLoader loader = new FeedLoader(root.resolve("nowhere"), new ArticleParser(), MAX_BYTES);
        assertThrows(IOException.class, () -> loader.loadAll(p -> { }));
        assertEquals(root.resolve("nowhere"), loader.feedsDir());
    }

    @Test
    void emptyFeedsFolderLoadsNothing() throws IOException {
        Loaded loaded = loadAll();
        assertTrue(loaded.feeds().isEmpty());
        assertTrue(loaded.problems().isEmpty());
    }

    @Test
    void feedWithoutArticlesLoadsEmpty() throws IOException {
        feed("quiet", "title: Quiet\n");
        assertTrue(loadAll().feed("quiet").posts().isEmpty());
    }

    @Test
    void loadedDefinitionTakesItsIdFromTheFolderAndItsDefaults() throws IOException {
        feed("world", "title: World News\n");
        FeedDefinition def = loadAll().feed("world").definition();
        assertEquals(new FeedDefinition("world", "World News", "World News", Optional.empty(), "World News",
                Duration.ofMinutes(15), RelatedMode.ENTRIES, 50), def);
    }

    // ---------------------------------------------------------------- dates

    @Test
    void frontMatterDateWinsOverTheFileNamePrefix() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-01-story.txt", "---\ndate: 2020-01-02T03:04:05Z\n---\n" + GOOD);
        Post post = loadAll().post("world", "2024-06-01-story");
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), post.published());
        assertEquals(post.published(), post.updated());
    }

    @Test
    void fileNamePrefixWinsOverTheModificationTime() throws IOException {
        feed("world", "title: World\n");
        Path file = write("world/2024-06-01-story.txt", GOOD);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2019-03-04T05:06:07Z")));
        write("world/2024-06-02_underscore.txt", GOOD);
        Loaded loaded = loadAll();
        assertEquals(Instant.parse("2024-06-01T00:00:00Z"), loaded.post("world", "2024-06-01-story").published());
        assertEquals(Instant.parse("2024-06-02T00:00:00Z"), loaded.post("world", "2024-06-02-underscore").published());
    }

    @Test
    void modificationTimeIsTheLastResort() throws IOException {
        feed("world", "title: World\n");
        Path plain = write("world/story.txt", GOOD);
        Files.setLastModifiedTime(plain, FileTime.from(Instant.parse("2019-03-04T05:06:07Z")));
        Path impossible = write("world/2024-13-45-not-a-date.txt", GOOD);
        Files.setLastModifiedTime(impossible, FileTime.from(Instant.parse("2019-03-05T00:00:00Z")));
        Path noSeparator = write("world/2024-06-01story.txt", GOOD);
        Files.setLastModifiedTime(noSeparator, FileTime.from(Instant.parse("2019-03-06T00:00:00Z")));
        Loaded loaded = loadAll();
        assertEquals(Instant.parse("2019-03-04T05:06:07Z"), loaded.post("world", "story").published());
        assertEquals(Instant.parse("2019-03-05T00:00:00Z"), loaded.post("world", "2024-13-45-not-a-date").published(),
                "an impossible date prefix is no date");
        assertEquals(Instant.parse("2019-03-06T00:00:00Z"), loaded.post("world", "2024-06-01story").published());
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
    }

    @Test
    void updatedComesFromFrontMatterElseThePublishedDate() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-01-edited.txt", "---\nupdated: 2024-06-03 10:00:00 +0200\n---\n" + GOOD);
        write("world/2024-06-01-untouched.txt", GOOD);
        Loaded loaded = loadAll();
        Post edited = loaded.post("world", "2024-06-01-edited");
        assertEquals(Instant.parse("2024-06-01T00:00:00Z"), edited.published());
        assertEquals(Instant.parse("2024-06-03T08:00:00Z"), edited.updated());
        Post untouched = loaded.post("world", "2024-06-01-untouched");
        assertEquals(untouched.published(), untouched.updated());
    }

    @Test
    void updatedBeforePublishedIsTakenAsThePublishedDate() throws IOException {
        feed("world", "title: World\n");
        write("world/2024-06-05-odd.txt", "---\nupdated: 2024-06-01\n---\n" + GOOD);
        Post post = loadAll().post("world", "2024-06-05-odd");
        assertEquals(Instant.parse("2024-06-05T00:00:00Z"), post.updated());
    }

    @Test
    void aFileThatBreaksTheMarkdownLibraryIsSkippedAndTheFeedStillLoads() throws IOException {
        feed("world", "title: World\n");
        write("world/good.txt", GOOD);
        write("world/deep.md", "A headline\n\n" + ">".repeat(50_000) + " too deep.\n");
        List<Problem> problems = new ArrayList<>();
        List<LoadedFeed> loaded = new FeedLoader(feeds, new ArticleParser(), 1_000_000).loadAll(problems::add);
        assertEquals(List.of("good"), loaded.get(0).posts().stream().map(Post::slug).toList());
        assertEquals(List.of(Path.of("feeds/world/deep.md")), problems.stream().map(Problem::file).toList());
        assertTrue(problems.get(0).reason().startsWith("cannot be parsed: java.lang.StackOverflowError"), problems.get(0).reason());
    }
}
