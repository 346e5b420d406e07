package dispatch.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import dispatch.article.Media;
import dispatch.text.Html;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jdom2.output.support.AbstractXMLOutputProcessor;

/** What the XML renderers share: building a Rome {@link SyndFeed} from a snapshot, and writing XML. */
final class SyndFeeds {

    /** Dublin Core, which Rome writes beside RSS and Atom's own elements. */
    static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");

    private SyndFeeds() {
    }

    /** A Rome feed of {@code type} ({@code rss_2.0}, {@code atom_1.0}) holding the snapshot's entries. */
    static SyndFeed build(FeedSnapshot snapshot, Links links, String type) {
        boolean atom = type.startsWith("atom");
        FeedDefinition def = snapshot.definition();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(def.title());
        feed.setDescription(def.description());
        def.language().ifPresent(feed::setLanguage);
        feed.setLink(def.syndication().link().orElse(links.feedHome(def.id())));
        feed.setUri(links.feedHome(def.id()));
        def.syndication().rights().ifPresent(feed::setCopyright);
        List<SyndCategory> feedCategories = new ArrayList<>();
        for (String c : def.syndication().categories()) {
            SyndCategory sc = new SyndCategoryImpl();
            sc.setName(c);
            feedCategories.add(sc);
        }
        feed.setCategories(feedCategories);
        feed.setPublishedDate(Date.from(snapshot.updated()));
        feed.setAuthors(List.of(person(def.author())));
        feed.setGenerator("Dispatch");
        List<SyndEntry> entries = new ArrayList<>(snapshot.entries().size());
        for (Entry e : snapshot.entries()) {
            entries.add(entry(e, atom));
        }
        feed.setEntries(entries);
        return feed;
    }

    /**
     * A Rome entry. Summaries are HTML-escaped for RSS, whose {@code description} readers take as
     * HTML. In Atom, a title or summary holding an HTML end tag is written as
     * {@code type="html"} with its text escaped, so that no reader can mistake it for markup.
     */
    private static SyndEntry entry(Entry e, boolean atom) {
        SyndEntry se = new SyndEntryImpl();
        se.setUri(e.id());
        se.setTitle(e.title());
        if (atom && looksLikeMarkup(e.title())) {
            se.setTitleEx(content("html", Html.escape(e.title())));
        }
        se.setLink(e.link());
        se.setPublishedDate(Date.from(e.published()));
        se.setUpdatedDate(Date.from(e.updated()));
        e.summary().ifPresent(s -> se.setDescription(
                atom && !looksLikeMarkup(s) ? content("text", s) : content("html", Html.escape(s))));
        se.setContents(List.of(content("html", e.contentHtml())));
        if (atom) {
            e.author().ifPresent(a -> se.setAuthors(List.of(person(a))));
            se.setContributors(e.contributors().stream().map(SyndFeeds::person).toList());
        } else {
            e.author().ifPresent(se::setAuthor); // dc:creator: RSS's own author element wants an e-mail address
            if (!e.contributors().isEmpty() && se.getModule(DCModule.URI) instanceof DCModule dc) {
                dc.setContributors(e.contributors()); // dc:contributor: RSS has no element of its own
            }
        }
        List<SyndCategory> categories = new ArrayList<>();
        for (String c : e.categories()) {
            SyndCategory sc = new SyndCategoryImpl();
            sc.setName(c);
            categories.add(sc);
        }
        se.setCategories(categories);
        List<SyndLink> entryLinks = new ArrayList<>();
        entryLinks.add(link("alternate", e.link(), "text/html", null));
        for (Entry.RelatedLink r : e.related()) {
            entryLinks.add(link("related", r.href(), "text/html", r.title().indexOf('<') < 0 ? r.title() : null));
        }
        e.externalUrl().ifPresent(u -> entryLinks.add(link("via", u, null, null)));
        if (atom) {
            for (Media.Enclosure enclosure : e.enclosures()) {
                SyndLink l = link("enclosure", enclosure.url(), enclosure.type(), null);
                enclosure.length().ifPresent(l::setLength);
                entryLinks.add(l);
            }
        } else if (!e.enclosures().isEmpty()) {
            // RSS 2.0 allows one enclosure per item: the first; the others become media:content
            Media.Enclosure first = e.enclosures().get(0);
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(first.url());
            enclosure.setType(first.type());
            enclosure.setLength(first.length().orElse(0)); // 0 when unknown, as the RSS Best Practices Profile says
            se.setEnclosures(List.of(enclosure));
        }
        se.setLinks(entryLinks);
        return se;
    }

    private static final Pattern END_TAG = Pattern.compile("</[A-Za-z][A-Za-z0-9]*\\s*>");

    /**
     * Whether plain text holds an HTML end tag such as {@code </b>}: the W3C validator then
     * warns that an Atom text construct may hold undeclared HTML. Such text is written as
     * escaped HTML instead; all other text stays {@code type="text"}, which every reader
     * shows as it is (sfeed and rss-parser ignore the type and show escaped HTML as written).
     */
    private static boolean looksLikeMarkup(String text) {
        return text.indexOf("</") >= 0 && END_TAG.matcher(text).find();
    }

    static SyndLink link(String rel, String href, String type, String title) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setTitle(title);
        return link;
    }

    private static SyndContent content(String type, String value) {
        SyndContent c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value);
        return c;
    }

    private static SyndPerson person(String name) {
        SyndPerson p = new SyndPersonImpl();
        p.setName(name);
        return p;
    }

    /** The document as indented UTF-8 XML with an XML declaration. */
    static byte[] write(Document document) {
        return write(document, new XMLOutputter());
    }

    /**
     * The document as {@link #write(Document)} does, but with {@code &} and {@code <} in text
     * written as hexadecimal character references ({@code &#x26;}, {@code &#x3C;}), as the RSS
     * Best Practices Profile advises for RSS's plain-text elements.
     */
    static byte[] writeWithHexReferences(Document document) {
        return write(document, new XMLOutputter(new HexReferences()));
    }

    private static byte[] write(Document document, XMLOutputter outputter) {
        outputter.setFormat(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            outputter.output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes element text with {@code &} and {@code <} as hexadecimal references. JDOM hands
     * {@code textRaw} text it has already escaped with {@code &amp;} and {@code &lt;}; those two
     * references are rewritten, which keeps every other character as it is.
     */
    private static final class HexReferences extends AbstractXMLOutputProcessor {
        @Override
        protected void textRaw(Writer out, String str) throws IOException {
            super.textRaw(out, str.indexOf('&') < 0 ? str : str.replace("&amp;", "&#x26;").replace("&lt;", "&#x3C;"));
        }
    }
}
