package dispatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dispatch.api.ApiProblem.Kind;
import dispatch.article.Article;
import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import dispatch.article.Syntax;
import dispatch.text.TextException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a request body into the bytes of an article file, checked: the article format as
 * {@code text/plain} or {@code text/markdown} (UTF-8), stored as sent, or {@code application/json}
 * with the front matter fields and a {@code body}, stored as front matter and text.
 */
final class ArticleBodies {

    /** The keys a JSON body may hold: the front matter keys, the text and its syntax. */
    static final Set<String> JSON_KEYS = Set.of("title", "date", "updated", "id", "link", "author", "categories", "summary",
            "related", "draft", "image", "enclosures", "body", "format");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)); // every string quoted: "yes" stays text

    /**
     * An article checked for publishing.
     *
     * @param syntax how its text is read
     * @param bytes the file to store
     * @param article the article the file gives
     */
    record Checked(Syntax syntax, byte[] bytes, Article article) {
    }

    private final ArticleParser parser;

    ArticleBodies(ArticleParser parser) {
        this.parser = parser;
    }

    /**
     * Checks a body of {@code contentType}.
     *
     * @throws ApiProblem 415 for another media type or charset, 400 for a body that is not UTF-8
     *     text or not JSON, 422 for an article with nothing to publish (saying which line)
     */
    Checked check(String contentType, byte[] body) throws ApiProblem {
        MediaType type = MediaType.parse(contentType);
        if (type == null || !type.charsetIsUtf8()) {
            throw unsupported(contentType);
        }
        return switch (type.name()) {
            case "text/plain" -> checkText(Syntax.TEXT, body);
            case "text/markdown" -> checkText(Syntax.MARKDOWN, body);
            case "application/json" -> {
                ObjectNode json = json(body);
                yield checkText(syntaxOf(json), fromJson(json));
            }
            default -> throw unsupported(contentType);
        };
    }

    private Checked checkText(Syntax syntax, byte[] bytes) throws ApiProblem {
        try {
            return new Checked(syntax, bytes, parser.parse(bytes, syntax));
        } catch (ArticleFormatException e) {
            if (e.getCause() instanceof TextException && !e.getMessage().contains("empty") && !e.getMessage().contains("no text")) {
                throw new ApiProblem(Kind.MALFORMED_BODY, "The body is not an article's text: " + e.getMessage() + ".");
            }
            throw new ApiProblem(Kind.UNPUBLISHABLE, "The article cannot be published: " + e.getMessage() + ".");
        }
    }

    private static ObjectNode json(byte[] body) throws ApiProblem {
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new ApiProblem(Kind.MALFORMED_BODY, "The body must be a JSON object of front matter fields and a 'body'.");
        } catch (JsonProcessingException e) {
            throw new ApiProblem(Kind.MALFORMED_BODY, "The body is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ".");
        } catch (java.io.IOException e) {
            throw new ApiProblem(Kind.MALFORMED_BODY, "The body cannot be read as JSON.");
        }
    }

    private static Syntax syntaxOf(ObjectNode json) throws ApiProblem {
        JsonNode format = json.get("format");
        if (format == null || format.isNull() || format.asText().equals("text")) {
            return Syntax.TEXT;
        }
        if (format.asText().equals("markdown")) {
            return Syntax.MARKDOWN;
        }
        throw new ApiProblem(Kind.UNPUBLISHABLE, "'format' must be 'text' or 'markdown', was '" + format.asText() + "'.");
    }

    /** Front matter from every field but {@code body} and {@code format}, then the body's text. */
    private static byte[] fromJson(ObjectNode json) throws ApiProblem {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!JSON_KEYS.contains(name)) {
                throw new ApiProblem(Kind.UNPUBLISHABLE, "Unknown field '" + name + "' (known: " + String.join(", ", JSON_KEYS.stream().sorted().toList()) + ").");
            }
        }
        JsonNode body = json.get("body");
        if (body == null || !body.isTextual()) {
            throw new ApiProblem(Kind.UNPUBLISHABLE, "'body' is required: the article's text, headline first.");
        }
        ObjectNode meta = json.deepCopy();
        meta.remove("body");
        meta.remove("format");
        StringBuilder file = new StringBuilder();
        if (!meta.isEmpty()) {
            try {
                file.append("---\n").append(YAML.writeValueAsString(meta)).append("---\n");
            } catch (JsonProcessingException e) {
                throw new ApiProblem(Kind.MALFORMED_BODY, "The front matter fields cannot be written as YAML.");
            }
        }
        file.append(body.asText());
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ApiProblem unsupported(String contentType) {
        return new ApiProblem(Kind.UNSUPPORTED_MEDIA_TYPE, "Send text/plain or text/markdown (UTF-8), or application/json; not "
                + (contentType == null ? "a body without Content-Type" : "'" + contentType + "'") + ".");
    }

    /** A media type's name and whether its charset, if given, is UTF-8. */
    record MediaType(String name, String charset) {

        static MediaType parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split(";");
            String charset = null;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                    charset = kv[1].strip().replace("\"", "");
                }
            }
            return new MediaType(parts[0].strip().toLowerCase(Locale.ROOT), charset);
        }

        boolean charsetIsUtf8() {
            return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
        }
    }
}
