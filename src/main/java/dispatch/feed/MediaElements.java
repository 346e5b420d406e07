package dispatch.feed;

import dispatch.article.Media;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Media RSS (https://www.rssboard.org/media-rss) elements for RSS items and Atom entries: the lead
 * image as {@code media:thumbnail} and {@code media:content medium="image"} (with its text
 * alternative as {@code media:description}), and enclosures a format has no room for as further
 * {@code media:content}.
 */
final class MediaElements {

    /** The Media RSS namespace, declared on the document's root. */
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private MediaElements() {
    }

    /** Adds {@code entry}'s image, then {@code extra} enclosures, to {@code element} (an item or entry). */
    static void add(Element element, Entry entry, List<Media.Enclosure> extra) {
        entry.image().ifPresent(image -> {
            Element thumbnail = new Element("thumbnail", MEDIA).setAttribute("url", image.url());
            Element content = new Element("content", MEDIA).setAttribute("url", image.url()).setAttribute("medium", "image");
            Media.typeOf(image.url()).ifPresent(t -> content.setAttribute("type", t));
            image.width().ifPresent(w -> {
                thumbnail.setAttribute("width", Integer.toString(w));
                content.setAttribute("width", Integer.toString(w));
            });
            image.height().ifPresent(h -> {
                thumbnail.setAttribute("height", Integer.toString(h));
                content.setAttribute("height", Integer.toString(h));
            });
            image.alt().ifPresent(alt -> content.addContent(new Element("description", MEDIA).setAttribute("type", "plain").setText(alt)));
            element.addContent(thumbnail);
            element.addContent(content);
        });
        for (Media.Enclosure e : extra) {
            Element content = new Element("content", MEDIA).setAttribute("url", e.url()).setAttribute("type", e.type());
            e.length().ifPresent(length -> content.setAttribute("fileSize", Long.toString(length)));
            element.addContent(content);
        }
    }

    /** Whether any entry has media to write, so the namespace is declared only where used. */
    static boolean needed(List<Entry> entries, boolean extraEnclosures) {
        return entries.stream().anyMatch(e -> e.image().isPresent() || extraEnclosures && e.enclosures().size() > 1);
    }
}
