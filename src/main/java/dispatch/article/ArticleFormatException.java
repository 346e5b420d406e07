package dispatch.article;

/**
 * Thrown when a file cannot be read as an article. The message says why in words a publisher can
 * act on ("not valid UTF-8 at byte 12", "unknown front matter key 'titel'").
 */
public class ArticleFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with the reason the article was refused. */
    public ArticleFormatException(String reason) {
        super(reason);
    }

    /** An exception with the reason the article was refused, and what caused it. */
    public ArticleFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
