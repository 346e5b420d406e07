package dispatch.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** What the Rome renderers share: building a {@link SyndFeed} from a snapshot, and writing XML. */
final class SyndFeeds {

    private SyndFeeds() {
    }

    /** A Rome feed of {@code type} ({@code rss_2.0}, {@code atom_1.0}) holding the snapshot's entries. */
    static SyndFeed build(FeedSnapshot snapshot, Links links, String type) {
        FeedDefinition def = snapshot.definition();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(def.title());
        feed.setDescription(def.description());
        def.language().ifPresent(feed::setLanguage);
        feed.setLink(links.feedHome(def.id()));
        feed.setUri(links.feedHome(def.id()));
        feed.setPublishedDate(Date.from(snapshot.updated()));
        feed.setAuthors(List.of(person(def.author())));
        feed.setGenerator("Dispatch");
        List<SyndEntry> entries = new ArrayList<>(snapshot.entries().size());
        for (Entry e : snapshot.entries()) {
            entries.add(entry(e));
        }
        feed.setEntries(entries);
        return feed;
    }

    private static SyndEntry entry(Entry e) {
        SyndEntry se = new SyndEntryImpl();
        se.setUri(e.id());
        se.setTitle(e.title());
        se.setLink(e.link());
        se.setPublishedDate(Date.from(e.published()));
        se.setUpdatedDate(Date.from(e.updated()));
        e.summary().ifPresent(s -> se.setDescription(content("text", s)));
        se.setContents(List.of(content("html", e.contentHtml())));
        e.author().ifPresent(a -> se.setAuthors(List.of(person(a))));
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
            entryLinks.add(link("related", r.href(), "text/html", r.title()));
        }
        e.externalUrl().ifPresent(u -> entryLinks.add(link("via", u, null, null)));
        se.setLinks(entryLinks);
        return se;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
