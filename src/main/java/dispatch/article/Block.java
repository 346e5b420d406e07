package dispatch.article;

/**
 * One block of an article's body: a paragraph of running text or a subheading.
 *
 * @param kind whether the block is a paragraph or a subheading
 * @param text the block's plain text, its wrapped lines joined by single spaces
 */
public record Block(Kind kind, String text) {

    /** What a body block is. */
    public enum Kind {
        /** Running text. */
        PARAGRAPH,
        /** A short line inside the body that does not end a sentence. */
        SUBHEADING
    }

    /** A paragraph holding {@code text}. */
    public static Block paragraph(String text) {
        return new Block(Kind.PARAGRAPH, text);
    }

    /** A subheading holding {@code text}. */
    public static Block subheading(String text) {
        return new Block(Kind.SUBHEADING, text);
    }

    /** Whether this block is a paragraph. */
    public boolean isParagraph() {
        return kind == Kind.PARAGRAPH;
    }
}
