package dispatch.text;

/**
 * Thrown when bytes cannot be read as text (empty, binary, not UTF-8) or YAML cannot be read; the
 * message says why in words a publisher can act on.
 */
public class TextException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with the reason. */
    public TextException(String reason) {
        super(reason);
    }

    /** An exception with the reason, and what caused it (or null). */
    public TextException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
