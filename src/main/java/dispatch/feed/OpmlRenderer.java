package dispatch.feed;

import dispatch.text.Html;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Writes an OPML 2.0 subscription list (http://opml.org/spec2.opml) of every feed, so that a
 * reader can import the whole site in one step. Each outline points at the feed's Atom document.
 * Readers (and the W3C validator) take titles, {@code text} and {@code description} as HTML, so
 * they are written escaped.
 */
public final class OpmlRenderer {

    /** The media type OPML is served with. */
    public static final String CONTENT_TYPE = "text/x-opml; charset=utf-8";

    private final Links links;

    /** A renderer that builds URLs with {@code links}. */
    public OpmlRenderer(Links links) {
        this.links = links;
    }

    /** The OPML document listing {@code snapshots}, in the given order. */
    public byte[] render(String title, List<FeedSnapshot> snapshots) {
        Instant modified = snapshots.stream().map(FeedSnapshot::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        Element head = new Element("head")
                .addContent(new Element("title").setText(Html.escape(title)))
                .addContent(new Element("dateModified").setText(DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC))));
        Element body = new Element("body");
        for (FeedSnapshot s : snapshots) {
            FeedDefinition def = s.definition();
            Element outline = new Element("outline")
                    .setAttribute("type", "rss")
                    .setAttribute("text", Html.escape(def.title()))
                    .setAttribute("title", Html.escape(def.title()))
                    .setAttribute("description", Html.escape(def.description()))
                    .setAttribute("xmlUrl", links.feed(def.id(), FeedFormat.ATOM))
                    .setAttribute("htmlUrl", links.feedHome(def.id()));
            def.language().ifPresent(lang -> outline.setAttribute("language", lang));
            body.addContent(outline);
        }
        Document doc = new Document(new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body));
        return SyndFeeds.write(doc);
    }
}
