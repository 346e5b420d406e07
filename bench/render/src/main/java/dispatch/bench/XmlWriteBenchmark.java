package dispatch.bench;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.WireFeedOutput;
import dispatch.feed.Entry;
import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedSnapshot;
import dispatch.source.LoadedFeed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
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
 * What-if benchmark (not Dispatch's own code path): where an RSS render with Rome + JDOM spends
 * its time, and what the alternatives cost, on the same entries (bench/README.md, "Findings").
 *
 * <ul>
 *   <li>{@code romeToJdom}: Rome SyndFeed -> WireFeed -> JDOM Document (what the renderers do
 *       before writing);
 *   <li>{@code jdomPretty}, {@code jdomCompact}, {@code jdomRaw}: XMLOutputter writing that
 *       Document with Format.getPrettyFormat() (what SyndFeeds.write uses), getCompactFormat()
 *       and getRawFormat();
 *   <li>{@code stax}: the JDK's XMLStreamWriter writing the same items (title, link, guid,
 *       pubDate, description, content:encoded) straight from the entries, no tree.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class XmlWriteBenchmark {

    @Param({"100", "1000"})
    public int entries;

    private FeedSnapshot snapshot;
    private Document doc;
    private final XMLOutputFactory stax = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Setup
    public void setup() throws Exception {
        LoadedFeed feed = Fixtures.feed(entries, "links");
        snapshot = new EntryAssembler(Fixtures.links()).assemble(feed.definition(), feed.posts());
        doc = romeToJdom();
        System.err.printf("%n[sizes] entries=%d jdomPretty=%d jdomCompact=%d jdomRaw=%d stax=%d bytes%n", entries,
                jdomPretty().length, jdomCompact().length, jdomRaw().length, stax().length);
    }

    @Benchmark
    public Document romeToJdom() throws Exception {
        SyndFeed f = new SyndFeedImpl();
        f.setFeedType("rss_2.0");
        f.setTitle(snapshot.definition().title());
        f.setDescription(snapshot.definition().description());
        f.setLink(Fixtures.BASE_URL + "/feeds/" + snapshot.id() + "/");
        f.setPublishedDate(Date.from(snapshot.updated()));
        List<SyndEntry> list = new ArrayList<>();
        for (Entry e : snapshot.entries()) {
            SyndEntry se = new SyndEntryImpl();
            se.setUri(e.id());
            se.setTitle(e.title());
            se.setLink(e.link());
            se.setPublishedDate(Date.from(e.published()));
            se.setUpdatedDate(Date.from(e.updated()));
            e.summary().ifPresent(s -> se.setDescription(content("text", s)));
            se.setContents(List.of(content("html", e.contentHtml())));
            list.add(se);
        }
        f.setEntries(list);
        WireFeed wire = f.createWireFeed();
        return new WireFeedOutput().outputJDom(wire);
    }

    @Benchmark
    public byte[] jdomPretty() throws IOException {
        return write(Format.getPrettyFormat());
    }

    @Benchmark
    public byte[] jdomCompact() throws IOException {
        return write(Format.getCompactFormat());
    }

    @Benchmark
    public byte[] jdomRaw() throws IOException {
        return write(Format.getRawFormat());
    }

    @Benchmark
    public byte[] stax() throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries * 6000);
        XMLStreamWriter w = stax.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("rss");
        w.writeAttribute("version", "2.0");
        w.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
        w.writeNamespace("atom", "http://www.w3.org/2005/Atom");
        w.writeStartElement("channel");
        element(w, "title", snapshot.definition().title());
        element(w, "link", Fixtures.BASE_URL + "/feeds/" + snapshot.id() + "/");
        element(w, "description", snapshot.definition().description());
        element(w, "lastBuildDate", RFC_822.format(snapshot.updated()));
        for (Entry e : snapshot.entries()) {
            w.writeStartElement("item");
            element(w, "title", e.title());
            element(w, "link", e.link());
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", "false");
            w.writeCharacters(e.id());
            w.writeEndElement();
            element(w, "pubDate", RFC_822.format(e.published()));
            if (e.summary().isPresent()) {
                element(w, "description", e.summary().get());
            }
            w.writeStartElement("content", "encoded", "http://purl.org/rss/1.0/modules/content/");
            w.writeCharacters(e.contentHtml());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private byte[] write(Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        new XMLOutputter(format.setEncoding("UTF-8").setLineSeparator("\n")).output(doc, out);
        return out.toByteArray();
    }

    private static SyndContent content(String type, String value) {
        SyndContent c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value);
        return c;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
