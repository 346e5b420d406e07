package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages saved from newsrooms of different shapes ({@code src/test/resources/scraped}, plain text
 * and one Markdown, written for
 * these tests): for each, the title, author, date, related headlines, paragraph count, first
 * paragraph, contributors and topics its {@code .expected.json} states; every line it lists as
 * dropped is in no paragraph, subheading or related headline, and every line it lists as kept
 * is still there.
 */
class ScrapedPagesTest {

    private static final Path DIR = Path.of("src", "test", "resources", "scraped");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt") || n.endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void readsThePageAsAnEditorWould(String file) throws Exception {
        Article article = new ArticleParser().parse(Files.readAllBytes(DIR.resolve(file)), Syntax.ofFileName(file));
        JsonNode expected = JSON.readTree(DIR.resolve(file.substring(0, file.lastIndexOf('.')) + ".expected.json").toFile());
        assertEquals(expected.get("title").asText(), article.title(), "title");
        assertEquals(text(expected, "author"), article.author(), "author");
        assertEquals(text(expected, "date").map(Instant::parse), article.page().date(), "date");
        assertEquals(list(expected, "related"), article.related(), "related headlines");
        assertEquals(expected.get("paragraphs").asLong(), article.paragraphCount(), () -> "paragraphs: " + article.body());
        assertEquals(expected.get("first").asText(), article.summary().orElse(null), "first paragraph");
        assertEquals(list(expected, "contributors"), article.page().contributors(), "contributors");
        assertEquals(list(expected, "topics"), article.categories(), "topics as categories");
        if (expected.has("dateline")) {
            assertEquals(Optional.of(expected.get("dateline").asText()), article.page().dateline(), "dateline");
        }
        List<String> content = new ArrayList<>(article.related());
        article.body().forEach(b -> content.add(b.text()));
        for (String dropped : list(expected, "dropped")) {
            assertFalse(content.stream().anyMatch(c -> c.contains(dropped)), () -> "'" + dropped + "' is still in " + content);
        }
        for (String kept : list(expected, "kept")) {
            assertTrue(content.stream().anyMatch(c -> c.equals(kept)), () -> "'" + kept + "' was lost from " + content);
        }
    }

    private static Optional<String> text(JsonNode node, String key) {
        return node.hasNonNull(key) ? Optional.of(node.get(key).asText()) : Optional.empty();
    }

    private static List<String> list(JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        if (node.has(key)) {
            node.get(key).forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
