package dispatch.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dispatch.article.Media;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) with Jackson's streaming
 * generator: the same entries, ids and dates as the RSS and Atom documents. Streaming writes the
 * document without building a tree of it first, and needs no {@code ObjectMapper} (whose set-up
 * alone took a third of the first render at startup).
 */
public final class JsonFeedRenderer implements FeedRenderer {

    /** The version URL every JSON Feed 1.1 document starts with. */
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonFactory JSON = JsonFactory.builder().build();

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024 + snapshot.entries().size() * 6 * 1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            // indented with line feeds whatever the platform's line separator, so bytes are the same everywhere
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            FeedDefinition def = snapshot.definition();
            json.writeStartObject();
            json.writeStringField("version", VERSION);
            json.writeStringField("title", def.title());
            Syndication syndication = def.syndication();
            json.writeStringField("home_page_url", syndication.link().orElse(links.feedHome(def.id())));
            json.writeStringField("feed_url", links.feed(def.id(), FeedFormat.JSON));
            String older = snapshot.paging().older(links, def.id(), FeedFormat.JSON);
            if (older != null) { // toward older items: the archive pages, newest first
                json.writeStringField("next_url", older);
            }
            json.writeStringField("description", def.description());
            if (syndication.icon().isPresent() || syndication.logo().isPresent()) {
                String icon = links.asset(def.id(), syndication.icon().or(syndication::logo).get());
                json.writeStringField("icon", icon);
                json.writeStringField("favicon", icon);
            }
            if (def.language().isPresent()) {
                json.writeStringField("language", def.language().get());
            }
            writeAuthors(json, def.author());
            if (!links.hubs().isEmpty() && !snapshot.paging().isArchive()) {
                json.writeArrayFieldStart("hubs");
                for (String hub : links.hubs()) {
                    json.writeStartObject();
                    json.writeStringField("type", "WebSub");
                    json.writeStringField("url", hub);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (syndication.rights().isPresent() || syndication.license().isPresent()) {
                // JSON Feed has no rights: a custom object, which readers that do not know it ignore
                json.writeObjectFieldStart("_dispatch");
                if (syndication.rights().isPresent()) {
                    json.writeStringField("rights", syndication.rights().get());
                }
                if (syndication.license().isPresent()) {
                    json.writeStringField("license", syndication.license().get());
                }
                json.writeEndObject();
            }
            json.writeArrayFieldStart("items");
            for (Entry e : snapshot.entries()) {
                writeItem(json, e);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeItem(JsonGenerator json, Entry e) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", e.id());
        json.writeStringField("url", e.link());
        if (e.externalUrl().isPresent()) {
            json.writeStringField("external_url", e.externalUrl().get());
        }
        json.writeStringField("title", e.title());
        json.writeStringField("content_html", e.contentHtml());
        if (e.summary().isPresent()) {
            json.writeStringField("summary", e.summary().get());
        }
        if (e.image().isPresent()) {
            json.writeStringField("image", e.image().get().url());
        }
        json.writeStringField("date_published", rfc3339(e.published()));
        json.writeStringField("date_modified", rfc3339(e.updated()));
        if (e.author().isPresent()) {
            writeAuthors(json, e.author().get());
        }
        List<String> tags = e.categories();
        if (!tags.isEmpty()) {
            json.writeArrayFieldStart("tags");
            for (String tag : tags) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        if (!e.enclosures().isEmpty()) {
            json.writeArrayFieldStart("attachments");
            for (Media.Enclosure a : e.enclosures()) {
                json.writeStartObject();
                json.writeStringField("url", a.url());
                json.writeStringField("mime_type", a.type());
                if (a.length().isPresent()) {
                    json.writeNumberField("size_in_bytes", a.length().getAsLong());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!e.contributors().isEmpty()) {
            // JSON Feed has no contributors: a custom object, which readers that do not know it ignore
            json.writeObjectFieldStart("_dispatch");
            json.writeArrayFieldStart("contributors");
            for (String name : e.contributors()) {
                json.writeStartObject();
                json.writeStringField("name", name);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** {@code "authors": [{"name": ...}]}, the JSON Feed 1.1 form. */
    private static void writeAuthors(JsonGenerator json, String name) throws IOException {
        json.writeArrayFieldStart("authors");
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeEndObject();
        json.writeEndArray();
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
