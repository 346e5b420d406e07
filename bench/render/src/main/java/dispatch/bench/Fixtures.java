package dispatch.bench;

import dispatch.article.ArticleParser;
import dispatch.catalog.FeedRendering;
import dispatch.feed.AtomRenderer;
import dispatch.feed.FeedDefinition;
import dispatch.feed.FeedRenderer;
import dispatch.feed.Links;
import dispatch.feed.Post;
import dispatch.feed.RssRenderer;
import dispatch.source.FeedDefinitionReader;
import dispatch.source.FeedLoader;
import dispatch.source.LoadedFeed;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the benchmarks share: the corpus (made by bench/corpus, named by the environment variable
 * DISPATCH_BENCH_CORPUS, which forked JMH JVMs inherit), feeds of N articles read from it with
 * Dispatch's own loader, and the publisher's renderers.
 */
final class Fixtures {

    static final String BASE_URL = "https://news.example.org";
    /** The default of dispatch.gzip-level. */
    static final int GZIP_LEVEL = 4;

    private Fixtures() {
    }

    /** The corpus directory: one folder, feed-001, of at least 10,000 articles. */
    static Path corpus() {
        String dir = System.getenv("DISPATCH_BENCH_CORPUS");
        if (dir == null) {
            throw new IllegalStateException("set DISPATCH_BENCH_CORPUS to a corpus made by bench/corpus (bench/render/run does)");
        }
        return Path.of(dir);
    }

    /**
     * A feed of the first {@code n} articles of the corpus' feed-001, with {@code limit: n} and the
     * given related-headlines mode. In {@code links} mode every article is one entry, so the feed
     * document holds exactly {@code n} entries of about 4 KB of text each.
     */
    static LoadedFeed feed(int n, String relatedMode) throws Exception {
        FeedLoader loader = new FeedLoader(corpus(), new ArticleParser(), 1 << 20);
        LoadedFeed all = loader.load("feed-001", p -> {
            throw new IllegalStateException("corpus problem: " + p);
        });
        if (all.posts().size() < n) {
            throw new IllegalStateException("the corpus' feed-001 has " + all.posts().size() + " articles, fewer than " + n);
        }
        String yaml = "title: Bench Desk\ndescription: Benchmark feed\nlanguage: en\nauthor: Bench Desk\nttl: 15\n"
                + "related-headlines: " + relatedMode + "\nlimit: " + n + "\n";
        FeedDefinition def = FeedDefinitionReader.read("feed-001", yaml.getBytes(StandardCharsets.UTF_8));
        List<Post> posts = new ArrayList<>(all.posts().subList(0, n));
        return new LoadedFeed(def, posts);
    }

    /** The bytes of the first {@code n} article files of the corpus' feed-001. */
    static List<byte[]> articleFiles(int n) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus().resolve("feed-001"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(n).toList();
        }
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            out.add(Files.readAllBytes(p));
        }
        return out;
    }

    static Links links() {
        return new Links(BASE_URL);
    }

    /**
     * The renderers the publisher uses, read from its private field so that a format added to
     * FeedRendering (JSON Feed, say) is measured without changing this code; RSS and Atom when the
     * field is not there.
     */
    @SuppressWarnings("unchecked")
    static List<FeedRenderer> renderers(FeedRendering publisher) {
        try {
            Field f = FeedRendering.class.getDeclaredField("renderers");
            f.setAccessible(true);
            return List.copyOf((List<FeedRenderer>) f.get(publisher));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of(new RssRenderer(links()), new AtomRenderer(links()));
        }
    }
}
