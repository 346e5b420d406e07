package dispatch.bench;

import dispatch.catalog.FeedRendering;
import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedRenderer;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Representation;
import dispatch.source.LoadedFeed;
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
 * The parts of a publish, per format: {@code render} (the renderer alone: snapshot to bytes) and
 * {@code prepare} ({@link Representation#of}: gzip at the configured level plus the SHA-256
 * entity tags of both bodies). The formats are whatever the FeedRendering renders.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class FormatBenchmark {

    @Param({"100", "1000", "10000"})
    public int entries;

    /** A FeedFormat name: RSS, ATOM, JSON... (bench/render/run passes the ones that exist). */
    @Param({"RSS", "ATOM"})
    public String format;

    private FeedRenderer renderer;
    private FeedSnapshot snapshot;
    private byte[] bytes;

    @Setup
    public void setup() throws Exception {
        LoadedFeed feed = Fixtures.feed(entries, "links");
        snapshot = new EntryAssembler(Fixtures.links()).assemble(feed.definition(), feed.posts());
        renderer = Fixtures.renderers(new FeedRendering(Fixtures.links(), Fixtures.GZIP_LEVEL)).stream()
                .filter(r -> r.format().name().equals(format))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the FeedRendering renders no format " + format));
        bytes = renderer.render(snapshot);
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(snapshot);
    }

    @Benchmark
    public Representation prepare() {
        return Representation.of(bytes, "application/octet-stream", Instant.EPOCH, Fixtures.GZIP_LEVEL);
    }
}
