package dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.feed.FeedFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a feed document says of its history, read with the JDK's DOM parser and Jackson (not
 * Rome, which wrote it): its entries' ids, its feed-level links by relation, whether it is marked
 * an archive, and its tombstones.
 */
final class HistoryDocs {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String FH = "http://purl.org/syndication/history/1.0";
    static final String AT = "http://purl.org/atompub/tombstones/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryDocs() {
    }

    /** The ids of the document's entries, in order. */
    static List<String> ids(byte[] body, FeedFormat format) {
        List<String> ids = new ArrayList<>();
        switch (format) {
            case ATOM -> each(xml(body).getDocumentElement(), ATOM, "entry", e -> ids.add(text(e, ATOM, "id")));
            case RSS -> each(channel(body), "", "item", e -> ids.add(text(e, "", "guid")));
            case JSON -> json(body).get("items").forEach(i -> ids.add(i.get("id").asText()));
        }
        return ids;
    }

    /**
     * The document's feed-level links by relation ({@code self}, {@code hub}, {@code current},
     * {@code prev-archive}, {@code next-archive}); for JSON Feed, {@code next_url} as
     * {@code prev-archive}, and {@code feed_url}.
     */
    static Map<String, List<String>> links(byte[] body, FeedFormat format) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        if (format == FeedFormat.JSON) {
            JsonNode d = json(body);
            if (d.has("next_url")) {
                links.put("prev-archive", List.of(d.get("next_url").asText()));
            }
            links.put("feed_url", List.of(d.get("feed_url").asText()));
            if (d.has("hubs")) {
                d.get("hubs").forEach(h -> links.computeIfAbsent("hub", k -> new ArrayList<>()).add(h.get("url").asText()));
            }
            return links;
        }
        Element parent = format == FeedFormat.ATOM ? xml(body).getDocumentElement() : channel(body);
        each(parent, ATOM, "link", l -> links.computeIfAbsent(l.getAttribute("rel").isEmpty() ? "alternate" : l.getAttribute("rel"),
                k -> new ArrayList<>()).add(l.getAttribute("href")));
        return links;
    }

    /** The one link of relation {@code rel}, or null. */
    static String link(byte[] body, FeedFormat format, String rel) {
        List<String> hrefs = links(body, format).get(rel);
        if (hrefs == null) {
            return null;
        }
        if (hrefs.size() != 1) {
            throw new AssertionError(rel + " links: " + hrefs);
        }
        return hrefs.get(0);
    }

    /** Whether an XML document carries {@code fh:archive}. */
    static boolean markedArchive(byte[] body, FeedFormat format) {
        Element parent = format == FeedFormat.ATOM ? xml(body).getDocumentElement() : channel(body);
        return parent.getElementsByTagNameNS(FH, "archive").getLength() == 1;
    }

    /** An Atom document's tombstones: {@code ref} to {@code when}. */
    static Map<String, String> tombstones(byte[] atom) {
        Map<String, String> found = new LinkedHashMap<>();
        each(xml(atom).getDocumentElement(), AT, "deleted-entry", t -> found.put(t.getAttribute("ref"), t.getAttribute("when")));
        return found;
    }

    private static Element channel(byte[] rss) {
        return (Element) xml(rss).getDocumentElement().getElementsByTagName("channel").item(0);
    }

    /** Calls {@code action} with each child of {@code parent} named {@code name} in {@code ns} ("" for none). */
    private static void each(Element parent, String ns, String name, java.util.function.Consumer<Element> action) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getLocalName().equals(name)
                    && (ns.isEmpty() ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                action.accept(e);
            }
        }
    }

    private static String text(Element parent, String ns, String name) {
        List<String> found = new ArrayList<>();
        each(parent, ns, name, e -> found.add(e.getTextContent().strip()));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Document xml(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
