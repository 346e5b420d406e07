package dispatch.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.io.FeedException;
import dispatch.article.Media;
import com.rometools.rome.io.WireFeedOutput;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes RSS 2.0 with Rome, then mends what Rome leaves out or doubles: adds
 * {@code atom:link rel="self"}, one {@code rel="hub"} per WebSub hub, a {@code rel="license"}, the
 * logo (or icon) as {@code image}, and Media RSS for images and enclosures past the first; removes the {@code dc:date} Rome writes beside each
 * {@code pubDate}, the {@code dc:language} beside {@code language}, {@code dc:subject} beside
 * {@code category} and {@code dc:rights} beside {@code copyright} (the W3C validator warns about
 * each pair on one element), and the {@code managingEditor} it makes of the author's name (RSS
 * wants an e-mail address there).
 */
public final class RssRenderer implements FeedRenderer {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final Links links;

    /** A renderer that builds URLs with {@code links}. */
    public RssRenderer(Links links) {
        this.links = links;
    }

    /** Whether RSS 2.0's {@code image} may point at {@code url}: GIF, JPEG or PNG, or a URL whose type its name does not tell. */
    private static boolean rssImageType(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return Media.typeOf(path).map(t -> t.equals("image/gif") || t.equals("image/jpeg") || t.equals("image/png")).orElse(true);
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
        Syndication syndication = snapshot.definition().syndication();
        syndication.logo().or(syndication::icon).filter(RssRenderer::rssImageType).ifPresent(url -> {
            Image image = new Image();
            image.setUrl(links.asset(snapshot.id(), url));
            image.setTitle(snapshot.definition().title());
            image.setLink(channel.getLink());
            channel.setImage(image);
        });
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
                .setAttribute("href", snapshot.paging().self(links, snapshot.id(), FeedFormat.RSS))
                .setAttribute("rel", "self")
                .setAttribute("type", FeedFormat.RSS.mediaType());
        int at = channelElement.indexOf(channelElement.getChild("link")) + 1;
        channelElement.addContent(at, self);
        Paging paging = snapshot.paging();
        for (String hub : paging.isArchive() ? List.<String>of() : links.hubs()) {
            channelElement.addContent(++at, new Element("link", ATOM).setAttribute("href", hub).setAttribute("rel", "hub"));
        }
        for (Paging.Link l : paging.links(links, snapshot.id(), FeedFormat.RSS)) {
            channelElement.addContent(++at, new Element("link", ATOM).setAttribute("href", l.href()).setAttribute("rel", l.rel())
                    .setAttribute("type", FeedFormat.RSS.mediaType()));
        }
        if (paging.isArchive()) {
            rss.addNamespaceDeclaration(History.FH);
            channelElement.addContent(++at, History.archiveMark());
        }
        if (syndication.license().isPresent()) {
            channelElement.addContent(++at, new Element("link", ATOM).setAttribute("href", syndication.license().get()).setAttribute("rel", "license"));
        }
        channelElement.removeChildren("date", SyndFeeds.DC);
        channelElement.removeChildren("language", SyndFeeds.DC);
        channelElement.removeChildren("subject", SyndFeeds.DC); // beside category
        channelElement.removeChildren("rights", SyndFeeds.DC); // beside copyright
        Element imageElement = channelElement.getChild("image");
        if (imageElement != null) { // Rome writes -1 for a size it was not given; RSS wants none then
            imageElement.removeChildren("width");
            imageElement.removeChildren("height");
        }
        channelElement.removeChildren("managingEditor");
        boolean media = MediaElements.needed(snapshot.entries(), true);
        if (media) {
            rss.addNamespaceDeclaration(MediaElements.MEDIA);
        }
        List<Element> items = channelElement.getChildren("item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            item.removeChildren("date", SyndFeeds.DC);
            if (media) {
                Entry entry = snapshot.entries().get(i);
                MediaElements.add(item, entry, entry.enclosures().size() > 1 ? entry.enclosures().subList(1, entry.enclosures().size()) : List.of());
            }
        }
        return SyndFeeds.writeWithHexReferences(doc);
    }
}
