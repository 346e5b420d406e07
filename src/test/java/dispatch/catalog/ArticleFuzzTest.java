package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.XmlChars;
import dispatch.article.Article;
import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import dispatch.article.Syntax;
import dispatch.feed.FeedDefinition;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;
import dispatch.feed.Post;
import dispatch.source.FeedDefinitionReader;
import dispatch.source.LoadedFeed;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Fuzzes the parser of article files, end to end: bytes are decoded, their front matter read, the
 * text shape (or Markdown) parsed, and the article published in every format. Properties: the
 * parser either refuses the bytes with an {@link ArticleFormatException} or gives an article
 * whose text holds no character XML 1.0 forbids; parsing is deterministic; every document
 * rendered from it parses as XML or JSON. Runs its inputs in {@code ./mvnw verify}; fuzz it with
 * {@code JAZZER_FUZZ=1} (see README, "Fuzzing").
 */
class ArticleFuzzTest {

    private static final ArticleParser PARSER = new ArticleParser();
    private static final FeedRendering RENDERING = new FeedRendering(new Links("https://news.example"), 1);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "10m")
    void articleBytes(byte[] bytes) throws Exception {
        boolean markdown = bytes.length > 0 && (bytes[bytes.length - 1] & 1) == 1;
        Syntax syntax = markdown ? Syntax.MARKDOWN : Syntax.TEXT;
        Article article;
        try {
            article = PARSER.parse(bytes, syntax);
        } catch (ArticleFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal says why");
            return;
        }
        assertEquals(article, PARSER.parse(bytes.clone(), syntax), "the same bytes parse the same");
        XmlChars.assertXmlSafe(article.title());
        article.related().forEach(XmlChars::assertXmlSafe);
        FeedDefinition definition = FeedDefinitionReader.read("fuzz", "title: Fuzz\n".getBytes(StandardCharsets.UTF_8));
        Instant published = article.date().orElse(NOW);
        Post post = new Post("fuzz", article, published, article.meta().updated().orElse(published));
        RenderedFeed feed = RENDERING.render(new LoadedFeed(definition, List.of(post)), null, NOW);
        for (FeedFormat format : FeedFormat.values()) {
            byte[] body = bytes(feed.documents().get(format).body());
            XmlChars.assertXmlSafe(new String(body, StandardCharsets.UTF_8));
            if (format == FeedFormat.JSON) {
                JSON.readTree(body);
            } else {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
