package dispatch.source;

import dispatch.article.Syntax;
import dispatch.feed.FeedId;
import dispatch.feed.Sha256;
import dispatch.files.ConfinedFolder;
import dispatch.files.DurableWrites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The feeds directory as the publish API writes it: an article is the file whose slug is its
 * name, a feed is a folder with a {@code feed.yaml}. Every read and write goes through the
 * {@link ConfinedFolder} rule, and every write is atomic and durable ({@link DurableWrites}): the
 * files stay the single source of truth, which the watcher and the loader read like any other.
 */
public final class ArticleFiles {

    /** A file as stored, with the strong entity tag of its bytes. */
    public record Stored(Path file, byte[] bytes, String etag) {

        /** The article syntax its name says. */
        public Syntax syntax() {
            return Syntax.ofFileName(file.getFileName().toString());
        }
    }

    private final Path feedsDir;
    private final ConfinedFolder folder;
    private final DurableWrites writes;
    private final long maxBytes;

    /** The files of {@code feedsDir}, none read past {@code maxBytes}. */
    public ArticleFiles(Path feedsDir, long maxBytes) {
        this.feedsDir = feedsDir;
        this.folder = new ConfinedFolder(feedsDir);
        this.writes = new DurableWrites(folder);
        this.maxBytes = maxBytes;
    }

    /** The strong entity tag of stored bytes. */
    public static String etagOf(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(Sha256.of(bytes), 0, 16) + "\"";
    }

    /** Feed {@code feed}'s {@code feed.yaml}, if the feed exists. */
    public Optional<Stored> definition(String feed) throws IOException {
        return read(definitionFile(feed));
    }

    /** The article stored under {@code slug} in {@code feed}, if there is one. */
    public Optional<Stored> article(String feed, String slug) throws IOException {
        List<Path> files = filesOf(feed, slug);
        return files.isEmpty() ? Optional.empty() : read(files.get(0));
    }

    /** Every article of {@code feed} by slug, in name order: each slug's first file, read once. */
    public Map<String, Stored> articles(String feed) throws IOException {
        Map<String, Stored> articles = new LinkedHashMap<>();
        for (Path file : articleFiles(feed)) {
            String slug = FeedLoader.slugOf(file);
            if (!articles.containsKey(slug)) {
                Optional<Stored> stored = read(file);
                if (stored.isPresent()) {
                    articles.put(slug, stored.get());
                }
            }
        }
        return articles;
    }

    /**
     * Stores {@code bytes} as the article {@code slug} of {@code feed}, in a file named for the
     * slug and {@code syntax}; any other file that had the same slug goes.
     *
     * @return the file written
     */
    public Path writeArticle(String feed, String slug, Syntax syntax, byte[] bytes) throws IOException {
        Path target = dir(feed).resolve(slug + (syntax == Syntax.MARKDOWN ? ".md" : ".txt"));
        writes.write(target, bytes);
        for (Path other : filesOf(feed, slug)) {
            if (!other.getFileName().equals(target.getFileName())) {
                writes.delete(other);
            }
        }
        return target;
    }

    /** Deletes article {@code slug} of {@code feed}; whether there was one. */
    public boolean deleteArticle(String feed, String slug) throws IOException {
        boolean deleted = false;
        for (Path file : filesOf(feed, slug)) {
            deleted |= writes.delete(file);
        }
        return deleted;
    }

    /** Stores {@code yaml} as feed {@code feed}'s {@code feed.yaml}, creating its folder if needed. */
    public void writeDefinition(String feed, byte[] yaml) throws IOException {
        writes.write(definitionFile(feed), yaml);
    }

    /** Deletes feed {@code feed}: its articles, then its {@code feed.yaml}, then its folder if nothing else is left. */
    public void deleteFeed(String feed) throws IOException {
        for (Path file : articleFiles(feed)) {
            writes.delete(file);
        }
        writes.delete(definitionFile(feed));
        try {
            Files.deleteIfExists(dir(feed));
        } catch (IOException e) {
            // other files are left in the folder: it stays, and is no feed without its feed.yaml
        }
    }

    private Optional<Stored> read(Path file) throws IOException {
        try {
            byte[] bytes = folder.read(file, maxBytes);
            return Optional.of(new Stored(file, bytes, etagOf(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private List<Path> filesOf(String feed, String slug) throws IOException {
        return articleFiles(feed).stream().filter(f -> FeedLoader.slugOf(f).equals(slug)).toList();
    }

    private List<Path> articleFiles(String feed) throws IOException {
        Path dir = dir(feed);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(ArticleFiles::isArticleName).sorted().toList();
        }
    }

    private static boolean isArticleName(Path file) {
        return FeedLoader.hasArticleName(file) && !Files.isDirectory(file);
    }

    private Path definitionFile(String feed) {
        return dir(feed).resolve("feed.yaml");
    }

    private Path dir(String feed) {
        if (!FeedId.isValid(feed)) {
            throw new IllegalArgumentException("not a feed id: " + feed);
        }
        return feedsDir.resolve(feed);
    }
}
