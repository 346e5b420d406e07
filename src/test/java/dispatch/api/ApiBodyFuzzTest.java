package dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dispatch.XmlChars;
import dispatch.article.ArticleParser;
import java.util.List;

/**
 * Fuzzes the publish API's body reader. Properties: a body is refused with a 4xx problem that says
 * why, never another exception; a body accepted is stored as bytes that parse, as the file the
 * watcher will read, to the same article it was checked as, whose title XML 1.0 allows; the
 * reading is deterministic.
 */
class ApiBodyFuzzTest {

    private static final ArticleParser PARSER = new ArticleParser();
    private static final ArticleBodies BODIES = new ArticleBodies(PARSER);
    private static final List<String> TYPES = List.of("text/plain", "text/markdown", "application/json", "text/plain; charset=utf-8",
            "application/json; charset=UTF-8", "text/markdown;charset=\"utf-8\"", "text/html", "", "text/plain; charset=latin1");

    @FuzzTest(maxDuration = "10m")
    void articleBody(FuzzedDataProvider data) throws Exception {
        String type = data.pickValue(TYPES);
        byte[] body = data.consumeRemainingAsBytes();
        ArticleBodies.Checked checked;
        try {
            checked = BODIES.check(type, body);
        } catch (ApiProblem problem) {
            assertTrue(problem.kind().status >= 400 && problem.kind().status < 500, problem.kind().toString());
            assertTrue(problem.getMessage() != null && !problem.getMessage().isBlank());
            return;
        }
        assertEquals(checked.article(), PARSER.parse(checked.bytes(), checked.syntax()), "the stored file reads as checked");
        assertEquals(checked.article(), BODIES.check(type, body.clone()).article(), "deterministic");
        XmlChars.assertXmlSafe(checked.article().title());
    }
}
