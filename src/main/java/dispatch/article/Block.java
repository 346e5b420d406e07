package dispatch.article;

import dispatch.text.Html;

/**
 * One block of an article's body: a paragraph of running text or a subheading, as plain text and
 * as the HTML that publishes it.
 *
 * @param kind whether the block is a paragraph or a subheading
 * @param text the block's plain text, its wrapped lines joined by single spaces
 * @param html what Markdown made of the block, or null for a block of plain text, whose HTML
 *     ({@link #html()}) is its text escaped in a {@code <p>} or {@code <h3>}, made when asked for:
 *     keeping an escaped copy of every paragraph would hold each article's text twice. Equality
 *     compares this component, so a plain block never equals a Markdown one, whatever their HTML
 */
public record Block(Kind kind, String text, String html) {

    /** What a body block is. */
    public enum Kind {
        /** Running text. */
        PARAGRAPH,
        /** A short line inside the body that does not end a sentence. */
        SUBHEADING
    }

    /** A block of plain text, published escaped in a {@code <p>} or an {@code <h3>}. */
    public Block(Kind kind, String text) {
        this(kind, text, null);
    }

    /** The block as HTML: what Markdown made of it, or its text escaped in a {@code <p>} or {@code <h3>}. */
    @Override
    public String html() {
        if (html != null) {
            return html;
        }
        return appendHtml(new StringBuilder(text.length() + 16)).toString();
    }

    /**
     * Appends {@link #html()} to {@code out} (for plain text, escaping straight into it) and
     * returns {@code out}.
     */
    public StringBuilder appendHtml(StringBuilder out) {
        if (html != null) {
            return out.append(html);
        }
        String tag = kind == Kind.PARAGRAPH ? "p>" : "h3>";
        return Html.escape(text, out.append('<').append(tag)).append("</").append(tag);
    }

    /** Whether the block is plain text, whose HTML holds no markup other than its one element. */
    public boolean isPlainText() {
        return html == null;
    }

    /** A paragraph of plain text. */
    public static Block paragraph(String text) {
        return new Block(Kind.PARAGRAPH, text);
    }

    /** A subheading of plain text. */
    public static Block subheading(String text) {
        return new Block(Kind.SUBHEADING, text);
    }

    /** Whether this block is a paragraph. */
    public boolean isParagraph() {
        return kind == Kind.PARAGRAPH;
    }
}
