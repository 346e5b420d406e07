package dispatch.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) with Jackson: the same entries,
 * ids and dates as the RSS and Atom documents.
 */
public final class JsonFeedRenderer implements FeedRenderer {

    /** The version URL every JSON Feed 1.1 document starts with. */
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    /** Indented with line feeds whatever the platform's line separator, so bytes are the same everywhere. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final Links links;

    /** A renderer that builds URLs with {@code links}. */
    public JsonFeedRenderer(Links links) {
        this.links = links;
    }

    @Override
    public FeedFormat format() {
        return FeedFormat.JSON;
    }

    @Override
    public byte[] render(FeedSnapshot snapshot) {
        FeedDefinition def = snapshot.definition();
        ObjectNode feed = JsonNodeFactory.instance.objectNode();
        feed.put("version", VERSION);
        feed.put("title", def.title());
        feed.put("home_page_url", links.feedHome(def.id()));
        feed.put("feed_url", links.feed(def.id(), FeedFormat.JSON));
        feed.put("description", def.description());
        def.language().ifPresent(lang -> feed.put("language", lang));
        feed.putArray("authors").addObject().put("name", def.author());
        ArrayNode items = feed.putArray("items");
        for (Entry e : snapshot.entries()) {
            ObjectNode item = items.addObject();
            item.put("id", e.id());
            item.put("url", e.link());
            e.externalUrl().ifPresent(u -> item.put("external_url", u));
            item.put("title", e.title());
            item.put("content_html", e.contentHtml());
            e.summary().ifPresent(s -> item.put("summary", s));
            item.put("date_published", rfc3339(e.published()));
            item.put("date_modified", rfc3339(e.updated()));
            e.author().ifPresent(a -> item.putArray("authors").addObject().put("name", a));
            if (!e.categories().isEmpty()) {
                ArrayNode tags = item.putArray("tags");
                e.categories().forEach(tags::add);
            }
        }
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
