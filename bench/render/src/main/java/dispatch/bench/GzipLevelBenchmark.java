package dispatch.bench;

import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedRenderer;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Representation;
import dispatch.store.LoadedFeed;
import dispatch.store.Publisher;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What-if benchmark: {@link Representation#of} (gzip + two SHA-256 entity tags) of one 100-entry
 * RSS document at several gzip levels (dispatch.gzip-level, default 4), and SHA-256 alone. The
 * setup prints the compressed size at each level.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GzipLevelBenchmark {

    @Param({"100"})
    public int entries;

    @Param({"1", "3", "4", "6", "9"})
    public int level;

    private byte[] bytes;

    @Setup
    public void setup() throws Exception {
        LoadedFeed feed = Fixtures.feed(entries, "links");
        FeedSnapshot snapshot = new EntryAssembler(Fixtures.links()).assemble(feed.definition(), feed.posts());
        FeedRenderer rss = Fixtures.renderers(new Publisher(Fixtures.links(), Fixtures.GZIP_LEVEL)).get(0);
        bytes = rss.render(snapshot);
        System.err.printf("%n[sizes] %s %d entries: identity %d bytes, gzip level %d: %d bytes%n", rss.format(), entries,
                bytes.length, level, Representation.of(bytes, "x", Instant.EPOCH, level).gzipBody().remaining());
    }

    @Benchmark
    public Representation prepare() {
        return Representation.of(bytes, "application/rss+xml", Instant.EPOCH, level);
    }

    @Benchmark
    public byte[] sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
