package dispatch.bench;

import dispatch.catalog.FeedRendering;
import dispatch.catalog.RenderedFeed;
import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedSnapshot;
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
 * The full render of one feed, as Dispatch does it once per content change:
 * {@link FeedRendering#publish} assembles the entries, renders every format and gzips each (with
 * both entity tags). Also the assembly alone. Articles are parsed before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class PublishBenchmark {

    /** Entries in the feed document (= articles, in links mode). */
    @Param({"50", "100", "1000", "10000"})
    public int entries;

    /** feed.yaml related-headlines: "links" gives one entry per article. */
    @Param({"links"})
    public String related;

    /** dispatch.gzip-level: the default, 4; {@code -p gzipLevel=1,4,6} compares. */
    @Param({"4"})
    public int gzipLevel;

    private LoadedFeed feed;
    private FeedRendering publisher;
    private EntryAssembler assembler;
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Setup
    public void setup() throws Exception {
        feed = Fixtures.feed(entries, related);
        publisher = new FeedRendering(Fixtures.links(), gzipLevel);
        assembler = new EntryAssembler(Fixtures.links());
        RenderedFeed p = publisher.render(feed, null, now);
        if (p.snapshot().entries().size() != entries && related.equals("links")) {
            throw new IllegalStateException("expected " + entries + " entries, got " + p.snapshot().entries().size());
        }
    }

    @Benchmark
    public RenderedFeed publish() {
        return publisher.render(feed, null, now);
    }

    @Benchmark
    public FeedSnapshot assemble() {
        return assembler.assemble(feed.definition(), feed.posts());
    }
}
