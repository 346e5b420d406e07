package dispatch.bench;

import dispatch.article.Article;
import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ArticleParser#parse(byte[])} of one article: the shipped seed article (3.5 KB), and
 * corpus articles (about 4.4 KB each, a different one per call, 256 in turn).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {

    private final ArticleParser parser = new ArticleParser();
    private byte[] seed;
    private byte[][] corpus;
    private int next;

    @Setup
    public void setup() throws Exception {
        String seedFile = System.getenv().getOrDefault("DISPATCH_BENCH_SEED_ARTICLE",
                "/work/main/feeds/world/2018-09-07-erdogan-idlib-offensive.txt");
        seed = Files.readAllBytes(Path.of(seedFile));
        List<byte[]> files = Fixtures.articleFiles(256);
        corpus = files.toArray(new byte[0][]);
    }

    @Benchmark
    public Article parseSeed() throws ArticleFormatException {
        return parser.parse(seed);
    }

    @Benchmark
    public Article parseCorpus() throws ArticleFormatException {
        byte[] b = corpus[next];
        next = (next + 1) & 255;
        return parser.parse(b);
    }
}
