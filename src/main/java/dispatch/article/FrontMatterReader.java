package dispatch.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dispatch.text.StrictYaml;
import dispatch.text.TextException;
import dispatch.text.WebUrls;
import dispatch.text.XmlText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML between an article's {@code ---} lines into {@link FrontMatter}. Unknown keys
 * are refused, so a misspelt key is reported rather than silently ignored.
 */
final class FrontMatterReader {

    /** The keys front matter may hold. */
    static final String KEYS = "title, date, updated, id, link, author, categories, summary, related, draft, image, enclosures";

    private FrontMatterReader() {
    }

    /** The key a message about a value names: {@code front matter 'link' ...}. */
    private static final Pattern QUOTED_KEY = Pattern.compile("^front matter '([a-z]+)'");

    /** The line of an article on which its front matter's YAML starts, after the opening {@code ---}. */
    private static final int FIRST_LINE = 2;

    /** Parses front matter YAML; blank YAML gives {@link FrontMatter#EMPTY}. */
    static FrontMatter read(String yaml) throws ArticleFormatException {
        if (yaml.isBlank()) {
            return FrontMatter.EMPTY;
        }
        Raw raw;
        try {
            raw = StrictYaml.read(yaml, FIRST_LINE, Raw.class, "front matter key", KEYS).orElse(null);
        } catch (TextException e) {
            throw new ArticleFormatException(e.getMessage().startsWith("not valid YAML") ? "front matter is " + e.getMessage() : e.getMessage(), e);
        }
        if (raw == null) {
            return FrontMatter.EMPTY;
        }
        try {
            return frontMatter(raw);
        } catch (ArticleFormatException e) {
            Matcher key = QUOTED_KEY.matcher(e.getMessage());
            throw key.find() ? new ArticleFormatException(e.getMessage() + StrictYaml.at(StrictYaml.lineOf(yaml, FIRST_LINE, key.group(1))), e) : e;
        }
    }

    private static FrontMatter frontMatter(Raw raw) throws ArticleFormatException {
        return new FrontMatter(
                text(raw.title),
                date("date", raw.date),
                date("updated", raw.updated),
                uri("id", text(raw.id), false),
                uri("link", text(raw.link), true),
                text(raw.author),
                raw.categories == null ? List.of() : raw.categories.stream().map(XmlText::clean)
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                text(raw.summary),
                Optional.ofNullable(raw.related).map(list -> list.stream().map(XmlText::clean)
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()),
                raw.draft,
                image(raw.image),
                enclosures(raw.enclosures));
    }

    private static Optional<Media.Image> image(RawImage raw) throws ArticleFormatException {
        if (raw == null) {
            return Optional.empty();
        }
        String url = mediaUrl("image", raw.url);
        Integer width = raw.width;
        Integer height = raw.height;
        if (raw.size != null) { // size: 1200x630
            Matcher wh = Pattern.compile("\\s*(\\d{1,6})\\s*[x×]\\s*(\\d{1,6})\\s*").matcher(raw.size);
            if (!wh.matches()) {
                throw new ArticleFormatException("front matter 'image' has a size that is not WIDTHxHEIGHT in pixels, such as 1200x630: '"
                        + raw.size + "'");
            }
            width = width != null ? width : Integer.valueOf(wh.group(1));
            height = height != null ? height : Integer.valueOf(wh.group(2));
        }
        return Optional.of(new Media.Image(url, text(raw.alt != null ? raw.alt : raw.title), pixels("image", "width", width),
                pixels("image", "height", height)));
    }

    private static List<Media.Enclosure> enclosures(List<RawEnclosure> raw) throws ArticleFormatException {
        if (raw == null) {
            return List.of();
        }
        List<Media.Enclosure> enclosures = new ArrayList<>();
        for (RawEnclosure e : raw) {
            String url = mediaUrl("enclosures", e == null ? null : e.url);
            Optional<String> type = text(e.type != null ? e.type : e.mimeType);
            Long length = e.length != null ? e.length : e.size;
            if (type.isPresent() && !type.get().matches("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")) {
                throw new ArticleFormatException("front matter 'enclosures' has a type that is not a media type such as audio/mpeg: '"
                        + type.get() + "'");
            }
            String mediaType = type.or(() -> Media.isFileName(url) ? Media.typeOf(url) : Optional.empty())
                    .orElseThrow(() -> new ArticleFormatException("front matter 'enclosures' needs a type (such as audio/mpeg) for '" + url + "'"));
            if (length != null && length < 0) {
                throw new ArticleFormatException("front matter 'enclosures' has a negative length for '" + url + "'");
            }
            enclosures.add(new Media.Enclosure(url, mediaType, length == null ? OptionalLong.empty() : OptionalLong.of(length)));
        }
        return enclosures;
    }

    /** A media URL: an absolute http(s) URL, or the name of a file in the feed folder. */
    private static String mediaUrl(String key, String value) throws ArticleFormatException {
        Optional<String> url = text(value);
        if (url.isEmpty()) {
            throw new ArticleFormatException("front matter '" + key + "' needs a url");
        }
        return Media.isFileName(url.get()) ? url.get() : uri(key, url, true).orElseThrow();
    }

    private static OptionalInt pixels(String key, String name, Integer value) throws ArticleFormatException {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value < 1 || value > 100_000) {
            throw new ArticleFormatException("front matter '" + key + "' has a " + name + " that is not a number of pixels: " + value);
        }
        return OptionalInt.of(value);
    }

    /**
     * Checks a URI from front matter: {@code id} must be an absolute URI (an IRI, as Atom wants),
     * {@code link} an absolute http or https URL, so nothing like {@code javascript:} reaches a feed.
     */
    private static Optional<String> uri(String key, Optional<String> value, boolean web) throws ArticleFormatException {
        if (value.isEmpty()) {
            return value;
        }
        String v = value.get();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = web ? WebUrls.isAbsolute(uri)
                    : !scheme.isEmpty() && !scheme.equals("javascript") && !scheme.equals("data");
            if (ok) {
                return value;
            }
        } catch (URISyntaxException e) {
            throw new ArticleFormatException("front matter '" + key + "' is not a URI: '" + v + "'", e);
        }
        throw new ArticleFormatException("front matter '" + key + "' must be " + (web
                ? "an absolute http or https URL" : "an absolute URI such as tag:example.org,2024:story or urn:uuid:...")
                + ", was '" + v + "'");
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(XmlText::clean).map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * Parses a date: {@code 2024-06-01} (midnight UTC), {@code 2024-06-01T10:00:00Z} or with an
     * offset, or a local date-time taken as UTC.
     */
    static Optional<Instant> date(String key, String value) throws ArticleFormatException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return Optional.of(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            // "2024-06-01 10:00:00 +0200", as Jekyll writes it, is 2024-06-01T10:00:00+0200
            String iso = v.replaceFirst(" ", "T").replace(" ", "");
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(iso.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant());
            }
            return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new ArticleFormatException("front matter '" + key + "' is not a date: '" + v
                    + "' (use 2024-06-01 or 2024-06-01T10:00:00Z)", e);
        }
    }

    /** The YAML as written; Jackson fills it. */
    @SuppressWarnings("unused")
    private static final class Raw {
        @JsonProperty String title;
        @JsonProperty String date;
        @JsonProperty String updated;
        @JsonProperty String id;
        @JsonProperty String link;
        @JsonProperty String author;
        @JsonProperty List<String> categories;
        @JsonProperty String summary;
        @JsonProperty List<String> related;
        @JsonProperty boolean draft;
        @JsonProperty RawImage image;
        @JsonProperty List<RawEnclosure> enclosures;
    }

    /**
     * {@code image: lead.jpg}, or {@code image:} with {@code url}, {@code alt} (or {@code title}),
     * {@code width} and {@code height} (or {@code size: 1200x630}).
     */
    @SuppressWarnings("unused")
    private static final class RawImage {
        @JsonProperty String url;
        @JsonProperty String alt;
        @JsonProperty String title;
        @JsonProperty Integer width;
        @JsonProperty Integer height;
        @JsonProperty String size;

        RawImage() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        RawImage(String url) {
            this.url = url;
        }
    }

    /** One of {@code enclosures:}, with {@code url}, {@code type} (or {@code mime_type}) and {@code length} (or {@code size}), in bytes. */
    @SuppressWarnings("unused")
    private static final class RawEnclosure {
        @JsonProperty String url;
        @JsonProperty String type;
        @JsonProperty("mime_type") String mimeType;
        @JsonProperty Long length;
        @JsonProperty Long size;
    }
}
