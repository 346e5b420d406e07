package dispatch.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dispatch.article.Media;
import dispatch.feed.FeedDefinition;
import dispatch.feed.RelatedMode;
import dispatch.feed.Syndication;
import dispatch.text.StrictYaml;
import dispatch.text.TextDecoder;
import dispatch.text.TextException;
import dispatch.text.WebUrls;
import dispatch.text.XmlText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code feed.yaml}. Keys: {@code title} (required), {@code description}, {@code language},
 * {@code author}, {@code ttl} (minutes), {@code related-headlines} ({@code entries} or
 * {@code links}), {@code limit}, and for syndication {@code icon}, {@code logo}, {@code rights},
 * {@code license}, {@code categories}, {@code link}, {@code content} ({@code full} or
 * {@code summary}). Unknown keys are refused, so a misspelt key is reported rather
 * than silently ignored.
 */
public final class FeedDefinitionReader {

    /** The keys a {@code feed.yaml} may hold. */
    public static final String KEYS = "title, description, language, author, ttl, related-headlines, limit, icon, logo, rights, license "
            + "(or licence), categories, link, content";

    /** The longest {@code ttl}: a week. */
    static final long MAX_TTL_MINUTES = 7 * 24 * 60;

    /** The largest {@code limit}. */
    static final long MAX_LIMIT = 10_000;

    private FeedDefinitionReader() {
    }

    /**
     * Parses the {@code feed.yaml} of feed {@code id}.
     *
     * @throws FeedDefinitionException if the YAML is malformed, has an unknown key, or lacks a title
     */
    public static FeedDefinition read(String id, byte[] yaml) throws FeedDefinitionException {
        if (new String(yaml, StandardCharsets.UTF_8).isBlank()) {
            throw new FeedDefinitionException("'title' is required");
        }
        Raw raw;
        try {
            raw = StrictYaml.read(TextDecoder.decode(yaml), Raw.class, "key", KEYS).orElse(null);
        } catch (TextException e) {
            throw new FeedDefinitionException(e.getMessage(), e);
        }
        if (raw == null || blank(raw.title)) {
            throw new FeedDefinitionException("'title' is required");
        }
        String title = clean(raw.title);
        RelatedMode mode;
        try {
            mode = raw.relatedHeadlines == null ? RelatedMode.ENTRIES
                    : RelatedMode.valueOf(raw.relatedHeadlines.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FeedDefinitionException("'related-headlines' must be 'entries' or 'links', was '" + raw.relatedHeadlines + "'", e);
        }
        if (raw.ttl != null && raw.ttl < 1) {
            throw new FeedDefinitionException("'ttl' must be a whole number of minutes, at least 1, was " + raw.ttl);
        }
        if (raw.ttl != null && raw.ttl > MAX_TTL_MINUTES) {
            throw new FeedDefinitionException("'ttl' must be at most " + MAX_TTL_MINUTES + " minutes (a week), was " + raw.ttl);
        }
        if (raw.limit != null && raw.limit < 1) {
            throw new FeedDefinitionException("'limit' must be at least 1, was " + raw.limit);
        }
        if (raw.limit != null && raw.limit > MAX_LIMIT) {
            throw new FeedDefinitionException("'limit' must be at most " + MAX_LIMIT + ", was " + raw.limit);
        }
        if (raw.language != null && !raw.language.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            throw new FeedDefinitionException("'language' must be a language tag such as en or en-GB, was '" + raw.language + "'");
        }
        return new FeedDefinition(
                id,
                title,
                blank(raw.description) ? title : clean(raw.description),
                Optional.ofNullable(raw.language).map(String::strip),
                blank(raw.author) ? title : clean(raw.author),
                raw.ttl == null ? FeedDefinition.DEFAULT_TTL : Duration.ofMinutes(raw.ttl),
                mode,
                raw.limit == null ? FeedDefinition.DEFAULT_LIMIT : raw.limit.intValue(),
                syndication(raw));
    }

    private static Syndication syndication(Raw raw) throws FeedDefinitionException {
        Syndication.ContentMode content;
        try {
            content = raw.content == null ? Syndication.ContentMode.FULL
                    : Syndication.ContentMode.valueOf(raw.content.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FeedDefinitionException("'content' must be 'full' or 'summary', was '" + raw.content + "'", e);
        }
        String license = raw.license != null ? raw.license : raw.licence != null ? raw.licence : raw.rights == null ? null : raw.rights.url;
        return new Syndication(
                image("icon", raw.icon),
                image("logo", raw.logo),
                Optional.ofNullable(raw.rights).map(r -> r.text).filter(r -> !r.isBlank()).map(FeedDefinitionReader::clean),
                url("license", license),
                raw.categories == null ? List.of()
                        : raw.categories.stream().filter(c -> c != null && !c.isBlank()).map(FeedDefinitionReader::clean).distinct().toList(),
                url("link", raw.link),
                content);
    }

    /** An image: an absolute http(s) URL, or the name of a file in the feed folder. */
    private static Optional<String> image(String key, String value) throws FeedDefinitionException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (Media.isFileName(v)) {
            if (Media.typeOf(v).filter(t -> t.startsWith("image/")).isEmpty()) {
                throw new FeedDefinitionException("'" + key + "' must be an image (png, jpg, gif, webp, avif, ico), was '" + v + "'");
            }
            return Optional.of(v);
        }
        return url(key, v);
    }

    private static Optional<String> url(String key, String value) throws FeedDefinitionException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (WebUrls.isAbsolute(v)) {
            return Optional.of(v);
        }
        throw new FeedDefinitionException("'" + key + "' must be an absolute http or https URL"
                + (key.equals("icon") || key.equals("logo") ? " or a file in the feed folder" : "") + ", was '" + v + "'");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return XmlText.clean(s).strip();
    }

    /** {@code rights: © 2026 ...}, or {@code rights:} with {@code text} and the licence's {@code url}. */
    @SuppressWarnings("unused")
    private static final class RawRights {
        @JsonProperty String text;
        @JsonProperty String url;

        RawRights() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        RawRights(String text) {
            this.text = text;
        }
    }

    /** The YAML as written; Jackson fills it. */
    @SuppressWarnings("unused")
    private static final class Raw {
        @JsonProperty String title;
        @JsonProperty String description;
        @JsonProperty String language;
        @JsonProperty String author;
        @JsonProperty Long ttl;
        @JsonProperty("related-headlines") String relatedHeadlines;
        @JsonProperty Long limit;
        @JsonProperty String icon;
        @JsonProperty String logo;
        @JsonProperty RawRights rights;
        @JsonProperty String license;
        @JsonProperty String licence;
        @JsonProperty List<String> categories;
        @JsonProperty String link;
        @JsonProperty String content;
    }
}
