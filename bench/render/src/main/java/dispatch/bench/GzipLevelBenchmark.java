package dispatch.bench;

import dispatch.catalog.FeedRendering;
import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedRenderer;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Representation;
import dispatch.source.LoadedFeed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
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
 * RSS document at several gzip levels (dispatch.gzip-level, default 4), zlib's raw deflate alone
 * (the floor of any gzip made with the JDK), and SHA-256 alone. The setup prints the compressed
 * size at each level, and the size when each entry is deflated on its own and the pieces joined
 * (what serving cached per-entry compressed fragments would cost in bytes).
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
    private byte[] out;

    @Setup
    public void setup() throws Exception {
        LoadedFeed feed = Fixtures.feed(entries, "links");
        FeedSnapshot snapshot = new EntryAssembler(Fixtures.links()).assemble(feed.definition(), feed.posts());
        FeedRenderer rss = Fixtures.renderers(new FeedRendering(Fixtures.links(), Fixtures.GZIP_LEVEL)).get(0);
        bytes = rss.render(snapshot);
        out = new byte[bytes.length + 1024];
        System.err.printf("%n[sizes] %s %d entries: identity %d bytes, gzip level %d: %d bytes%n", rss.format(), entries,
                bytes.length, level, Representation.of(bytes, "x", Instant.EPOCH, level).gzipBody().remaining());
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        List<Integer> cuts = new ArrayList<>();
        for (int i = text.indexOf("<item>"); i >= 0; i = text.indexOf("<item>", i + 1)) {
            cuts.add(i);
        }
        cuts.add(bytes.length);
        int pieces = deflated(0, cuts.get(0), false);
        for (int i = 0; i + 1 < cuts.size(); i++) {
            pieces += deflated(cuts.get(i), cuts.get(i + 1), i + 2 == cuts.size());
        }
        int whole = deflated(0, bytes.length, true);
        System.err.printf("[pieces] level %d: whole document %d bytes; each of the %d entries deflated on its own"
                + " (SYNC_FLUSH) and joined: %d bytes (%+.1f %%)%n", level, whole, cuts.size() - 1, pieces,
                100.0 * (pieces - whole) / whole);
    }

    /** The raw deflate size of bytes[from, to), flushed to a byte boundary unless it is the last piece. */
    private int deflated(int from, int to, boolean last) {
        Deflater d = new Deflater(level, true);
        try {
            d.setInput(bytes, from, to - from);
            if (last) {
                d.finish();
            }
            int total = 0;
            while (true) {
                int n = d.deflate(out, 0, out.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                total += n;
                if (last ? d.finished() : n < out.length) {
                    return total;
                }
            }
        } finally {
            d.end();
        }
    }

    @Benchmark
    public Representation prepare() {
        return Representation.of(bytes, "application/rss+xml", Instant.EPOCH, level);
    }

    /** zlib's raw deflate of the document at the level, one call, no gzip framing, CRC or copy. */
    @Benchmark
    public int deflateOnly() {
        Deflater d = new Deflater(level, true);
        try {
            d.setInput(bytes);
            d.finish();
            return d.deflate(out);
        } finally {
            d.end();
        }
    }

    @Benchmark
    public byte[] sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
