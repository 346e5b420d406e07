package dispatch.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the YAML between an article's {@code ---} lines into {@link FrontMatter}. Unknown keys
 * are refused, so a misspelt key is reported rather than silently ignored.
 */
final class FrontMatterReader {

    /** The keys front matter may hold. */
    static final String KEYS = "title, date, updated, id, link, author, categories, summary, related, draft";

    private FrontMatterReader() {
    }

    /** Parses front matter YAML; blank YAML gives {@link FrontMatter#EMPTY}. */
    static FrontMatter read(String yaml) throws ArticleFormatException {
        if (yaml.isBlank()) {
            return FrontMatter.EMPTY;
        }
        Raw raw;
        try {
            raw = StrictYaml.read(yaml, Raw.class, "front matter key", KEYS).orElse(null);
        } catch (StrictYaml.Problem e) {
            throw new ArticleFormatException(e.getMessage().startsWith("not valid YAML") ? "front matter is " + e.getMessage() : e.getMessage(), e);
        }
        if (raw == null) {
            return FrontMatter.EMPTY;
        }
        return new FrontMatter(
                text(raw.title),
                date("date", raw.date),
                date("updated", raw.updated),
                text(raw.id),
                text(raw.link),
                text(raw.author),
                raw.categories == null ? List.of() : raw.categories.stream().map(XmlText::clean)
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                text(raw.summary),
                Optional.ofNullable(raw.related).map(list -> list.stream().map(XmlText::clean)
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()),
                raw.draft);
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
    }
}
