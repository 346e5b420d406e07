package dispatch.source;

import dispatch.article.Article;
import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import dispatch.article.Syntax;
import dispatch.feed.FeedDefinition;
import dispatch.feed.FeedId;
import dispatch.feed.Post;
import dispatch.feed.Slugs;
import dispatch.files.ConfinedFolder;
import dispatch.files.OutsideFolderException;
import dispatch.files.TooLargeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the feeds directory: one folder per feed, holding a {@code feed.yaml} and article files
 * ({@code *.txt}, {@code *.md}). A file that cannot be published is reported as a {@link Problem}
 * and left out; it never takes the rest of its feed, or other feeds, down. Dates are kept to the
 * second, the precision every feed format shares.
 *
 * <p>Every file is read through a {@link ConfinedFolder}: a symbolic link is followed only when
 * it resolves inside the feeds directory; one that leads outside is never read, and is reported.
 */
public final class FeedLoader {

    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[-_]");

    /** The largest {@code feed.yaml} that is read. */
    private static final long MAX_DEFINITION_BYTES = 64 * 1024;

    private final Path feedsDir;
    private final ConfinedFolder files;
    private final ArticleParser parser;
    private final long maxArticleBytes;

    /**
     * A loader of {@code feedsDir}.
     *
     * @param feedsDir the directory holding one folder per feed
     * @param parser the article parser
     * @param maxArticleBytes the largest article file that is read; larger ones are skipped
     */
    public FeedLoader(Path feedsDir, ArticleParser parser, long maxArticleBytes) {
        this.feedsDir = feedsDir;
        this.files = new ConfinedFolder(feedsDir);
        this.parser = parser;
        this.maxArticleBytes = maxArticleBytes;
    }

    /** The directory this loader reads. */
    public Path feedsDir() {
        return feedsDir;
    }

    /**
     * Reads every feed, the folders in parallel, and returns them in folder-name order. Folders
     * whose name is not a feed id, feeds whose {@code feed.yaml} is missing or bad, and articles
     * that cannot be read are passed to {@code problems}, which must be thread-safe.
     *
     * @throws IOException if the feeds directory itself cannot be listed
     */
    public List<LoadedFeed> loadAll(Consumer<Problem> problems) throws IOException {
        return folders().parallelStream()
                .map(dir -> loadFolder(dir, problems))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * What the feeds directory holds, in name order: each entry may be a feed's folder (see
     * {@link #loadFolder}).
     *
     * @throws IOException if the feeds directory cannot be listed
     */
    public List<Path> folders() throws IOException {
        return list(feedsDir);
    }

    /**
     * One entry of the feeds directory as a feed, or null when it is not one: a hidden entry or a
     * plain file is ignored; a folder whose name is not a feed id or whose {@code feed.yaml} is
     * missing or bad is passed to {@code problems}, as is each article that cannot be read.
     */
    public LoadedFeed loadFolder(Path dir, Consumer<Problem> problems) {
        String name = dir.getFileName().toString();
        if (name.startsWith(".")) {
            return null;
        }
        try {
            if (!files.isDirectoryInside(dir)) {
                return null;
            }
        } catch (OutsideFolderException e) {
            problems.accept(new Problem(relative(dir), e.getMessage()));
            return null;
        } catch (IOException e) {
            return null; // a link to nothing: no more a feed than any other stray file
        }
        if (!FeedId.isValid(name)) {
            problems.accept(new Problem(relative(dir), "not a feed name: " + FeedId.RULE));
            return null;
        }
        try {
            return load(name, problems);
        } catch (FeedDefinitionException e) {
            problems.accept(new Problem(relative(dir.resolve("feed.yaml")), e.getMessage()));
        } catch (IOException e) {
            problems.accept(new Problem(relative(dir), "cannot be read: " + e));
        }
        return null;
    }

    /**
     * Reads one feed's folder.
     *
     * @throws FeedDefinitionException if its {@code feed.yaml} is missing or bad
     * @throws IOException if the folder cannot be listed
     */
    public LoadedFeed load(String id, Consumer<Problem> problems) throws FeedDefinitionException, IOException {
        if (!FeedId.isValid(id)) {
            throw new IllegalArgumentException("not a feed id: " + id);
        }
        Path dir = feedsDir.resolve(id);
        byte[] yaml;
        try {
            yaml = files.read(dir.resolve("feed.yaml"), MAX_DEFINITION_BYTES);
        } catch (NoSuchFileException e) {
            throw new FeedDefinitionException("missing: every feed folder needs a feed.yaml with at least a title", e);
        } catch (OutsideFolderException | TooLargeException e) {
            throw new FeedDefinitionException(e.getMessage(), e);
        }
        FeedDefinition definition = FeedDefinitionReader.read(id, yaml);
        List<Post> posts = new ArrayList<>();
        Map<String, Path> slugs = new HashMap<>();
        for (Path file : list(dir)) {
            try {
                if (!isArticleFile(file)) {
                    continue;
                }
                Post post = readPost(file);
                if (post.article().meta().draft()) {
                    continue;
                }
                Path taken = slugs.putIfAbsent(post.slug(), file);
                if (taken != null) {
                    problems.accept(new Problem(relative(file), "its URL /feeds/" + id + "/" + post.slug()
                            + " is already taken by " + taken.getFileName()));
                } else {
                    posts.add(post);
                }
            } catch (ArticleFormatException | OutsideFolderException e) {
                problems.accept(new Problem(relative(file), e.getMessage()));
            } catch (IOException e) {
                problems.accept(new Problem(relative(file), "cannot be read: " + e));
            } catch (RuntimeException | StackOverflowError e) {
                // a parser library failing on one file (commonmark on absurd nesting, say) skips that file only
                problems.accept(new Problem(relative(file), "cannot be parsed: " + e));
            }
        }
        Map<String, byte[]> named = new FeedFiles(files, this::relative).read(dir, definition, posts, slugs, problems);
        return new LoadedFeed(FeedFiles.withoutMissing(definition, named), posts, named);
    }

    /**
     * Whether {@code file} is an article: a visible regular file ending in .txt or .md, inside
     * the feeds directory.
     *
     * @throws OutsideFolderException if it is named like an article but links outside the feeds directory
     */
    public boolean isArticleFile(Path file) throws IOException {
        if (!hasArticleName(file)) {
            return false;
        }
        try {
            return files.isRegularFileInside(file);
        } catch (NoSuchFileException e) {
            return false; // a link to nothing, or a file deleted while listed
        }
    }

    /** The digest of feed folder {@code dir}'s sources ({@link SourceDigest}). */
    public String digest(Path dir) throws IOException {
        return SourceDigest.of(files, dir, maxArticleBytes);
    }

    /** The quick digest of feed folder {@code dir}'s files, from their names, sizes and times ({@link SourceDigest#quick}). */
    public String quickDigest(Path dir) throws IOException {
        return SourceDigest.quick(dir);
    }

    /** Whether {@code file} is named like an article: visible, ending in .txt or .md. */
    static boolean hasArticleName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".md"));
    }

    /** The slug of an article file: its name without extension, as a URL path segment. */
    public static String slugOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Slugs.of(dot > 0 ? name.substring(0, dot) : name);
    }

    private Post readPost(Path file) throws IOException, ArticleFormatException {
        byte[] bytes;
        try {
            bytes = files.read(file, maxArticleBytes);
        } catch (TooLargeException e) {
            throw new ArticleFormatException(e.getMessage() + " (dispatch.max-article-bytes)");
        }
        Article article = parser.parse(bytes, Syntax.ofFileName(file.getFileName().toString()));
        Instant published = article.date().orElse(null);
        if (published == null) {
            published = datePrefix(file);
        }
        if (published == null) {
            published = article.page().date().orElse(null); // the page's own date line
        }
        if (published == null) {
            published = Files.getLastModifiedTime(file).toInstant();
        }
        Instant updated = article.meta().updated().orElse(published);
        return new Post(slugOf(file), article, published.truncatedTo(ChronoUnit.SECONDS), updated.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant datePrefix(Path file) {
        Matcher m = DATE_PREFIX.matcher(file.getFileName().toString());
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** {@code p} as problems name it: relative to the feeds directory's parent, such as {@code feeds/world/x.txt}. */
    public Path relative(Path p) {
        Path base = feedsDir.getFileName() == null ? feedsDir : feedsDir.getFileName();
        return base.resolve(feedsDir.relativize(p));
    }
}
