package dispatch.article;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown blocks of {@code .md} articles, rendered with commonmark-java. Raw HTML in the source
 * is escaped, never passed through, and link and image URLs other than {@code http},
 * {@code https}, {@code mailto} (links only) and relative ones are dropped ({@code javascript:},
 * {@code data:}...), so the output holds only the elements commonmark itself writes: an
 * allow-list by construction.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
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

    /** Keeps http, https and relative URLs (and mailto for links); anything else becomes empty. */
    private static final class SafeUrls implements UrlSanitizer {
        private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url, true) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowed(url, false) ? url : "";
        }

        private static boolean allowed(String url, boolean link) {
            Matcher m = SCHEME.matcher(url.strip());
            if (!m.find()) {
                return true; // relative: resolved against the permalink when published
            }
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") || (link && scheme.equals("mailto"));
        }
    }

    private static Node parse(List<String> lines) {
        return PARSER.parse(String.join("\n", lines));
    }
}
