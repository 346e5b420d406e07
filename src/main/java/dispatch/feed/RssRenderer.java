package dispatch.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.Date;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes RSS 2.0 with Rome, then mends what Rome leaves out or doubles: adds
 * {@code atom:link rel="self"} and one {@code rel="hub"} per WebSub hub, and removes the {@code dc:date} Rome writes beside each
 * {@code pubDate} and the {@code dc:language} beside {@code language} (the W3C validator warns
 * about both on one element), and the {@code managingEditor} it makes of the author's name (RSS
 * wants an e-mail address there).
 */
public final class RssRenderer implements FeedRenderer {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final Links links;

    /** A renderer that builds URLs with {@code links}. */
    public RssRenderer(Links links) {
        this.links = links;
    }

    @Override
    public FeedFormat format() {
        return FeedFormat.RSS;
    }

    @Override
    public byte[] render(FeedSnapshot snapshot) {
        Channel channel = (Channel) SyndFeeds.build(snapshot, links, "rss_2.0").createWireFeed();
        channel.setLastBuildDate(Date.from(snapshot.updated()));
        channel.setPubDate(Date.from(snapshot.updated()));
        channel.setTtl((int) Math.max(1, snapshot.definition().ttl().toMinutes()));
        channel.setDocs("https://www.rssboard.org/rss-specification");
        Document doc;
        try {
            doc = new WireFeedOutput().outputJDom(channel);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the RSS feed " + snapshot.id(), e);
        }
        Element rss = doc.getRootElement();
        rss.addNamespaceDeclaration(ATOM);
        Element channelElement = rss.getChild("channel");
        Element self = new Element("link", ATOM)
                .setAttribute("href", links.feed(snapshot.id(), FeedFormat.RSS))
                .setAttribute("rel", "self")
                .setAttribute("type", FeedFormat.RSS.mediaType());
        int at = channelElement.indexOf(channelElement.getChild("link")) + 1;
        channelElement.addContent(at, self);
        for (String hub : links.hubs()) {
            channelElement.addContent(++at, new Element("link", ATOM).setAttribute("href", hub).setAttribute("rel", "hub"));
        }
        channelElement.removeChildren("date", SyndFeeds.DC);
        channelElement.removeChildren("language", SyndFeeds.DC);
        channelElement.removeChildren("managingEditor");
        for (Element item : channelElement.getChildren("item")) {
            item.removeChildren("date", SyndFeeds.DC);
        }
        return SyndFeeds.writeWithHexReferences(doc);
    }
}
