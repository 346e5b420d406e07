package dispatch.article;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Markdown blocks of {@code .md} articles, rendered with commonmark-java. Raw HTML in the source
 * is escaped, never passed through, and link and image URLs with unsafe schemes
 * ({@code javascript:}, {@code data:}...) are dropped, so the output holds only the elements
 * commonmark itself writes: an allow-list by construction.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak(" ")
            .build();

    private Markdown() {
    }

    /** One block's source (its lines, joined by line feeds) as HTML. */
    static String toHtml(List<String> lines) {
        return HTML.render(parse(lines)).strip();
    }

    /**
     * One block's source as plain text: the text a reader sees, without Markdown syntax or link
     * targets; raw HTML is kept as the literal text it is shown as.
     */
    static String toText(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        parse(lines).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                sb.append(html.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                sb.append(' ');
            }
        });
        return sb.toString().strip().replaceAll("\\s+", " ");
    }

    private static Node parse(List<String> lines) {
        return PARSER.parse(String.join("\n", lines));
    }
}
