package dispatch.feed;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes Atom 1.0 (RFC 4287) with Rome: a {@code self} link, a {@code hub} link per WebSub hub, {@code updated}, an author and
 * {@code xml:lang}; the RFC 5005 links between the current document and its archive pages, and
 * the RFC 6721 tombstones of entries deleted lately. Removes what Rome adds from Dublin Core beside Atom's own elements
 * ({@code dc:date}, {@code dc:language}) and the empty {@code author} it writes for an entry
 * without one (the feed's author stands for it).
 */
public final class AtomRenderer implements FeedRenderer {


    private final Links links;

    /** A renderer that builds URLs with {@code links}. */
    public AtomRenderer(Links links) {
        this.links = links;
    }

    @Override
    public FeedFormat format() {
        return FeedFormat.ATOM;
    }

    @Override
    public byte[] render(FeedSnapshot snapshot) {
        Feed feed = (Feed) SyndFeeds.build(snapshot, links, "atom_1.0").createWireFeed();
        feed.setUpdated(Date.from(snapshot.updated()));
        Syndication syndication = snapshot.definition().syndication();
        feed.setAlternateLinks(List.of(link("alternate", syndication.link().orElse(links.feedHome(snapshot.id())), "text/html")));
        List<Link> other = new ArrayList<>();
        Paging paging = snapshot.paging();
        other.add(link("self", paging.self(links, snapshot.id(), FeedFormat.ATOM), FeedFormat.ATOM.mediaType()));
        if (!paging.isArchive()) {
            links.hubs().forEach(hub -> other.add(link("hub", hub, null)));
        }
        paging.links(links, snapshot.id(), FeedFormat.ATOM).forEach(l -> other.add(link(l.rel(), l.href(), FeedFormat.ATOM.mediaType())));
        syndication.license().ifPresent(license -> other.add(link("license", license, null)));
        feed.setOtherLinks(other);
        syndication.icon().ifPresent(icon -> feed.setIcon(links.asset(snapshot.id(), icon)));
        syndication.logo().ifPresent(logo -> feed.setLogo(links.asset(snapshot.id(), logo)));
        Document doc;
        try {
            doc = new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the Atom feed " + snapshot.id(), e);
        }
        Element root = doc.getRootElement();
        snapshot.definition().language().ifPresent(lang -> root.setAttribute("lang", lang, Namespace.XML_NAMESPACE));
        root.removeChildren("date", SyndFeeds.DC);
        root.removeChildren("language", SyndFeeds.DC);
        root.removeChildren("subject", SyndFeeds.DC); // beside category
        root.removeChildren("rights", SyndFeeds.DC); // beside rights
        if (paging.isArchive()) {
            root.addNamespaceDeclaration(History.FH);
            root.addContent(root.indexOf(root.getChild("updated", root.getNamespace())) + 1, History.archiveMark());
        }
        boolean media = MediaElements.needed(snapshot.entries(), false);
        if (media) {
            root.addNamespaceDeclaration(MediaElements.MEDIA);
        }
        List<Element> entryElements = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < entryElements.size(); i++) {
            Element entry = entryElements.get(i);
            if (media) {
                MediaElements.add(entry, snapshot.entries().get(i), List.of());
            }
            entry.removeChildren("date", SyndFeeds.DC);
            entry.getChildren("author", root.getNamespace())
                    .removeIf(author -> author.getChildTextTrim("name", root.getNamespace()) == null
                            || author.getChildTextTrim("name", root.getNamespace()).isEmpty());
        }
        if (!snapshot.tombstones().isEmpty()) {
            root.addNamespaceDeclaration(History.AT);
            snapshot.tombstones().forEach(t -> root.addContent(History.deletedEntry(t)));
        }
        return SyndFeeds.write(doc);
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
