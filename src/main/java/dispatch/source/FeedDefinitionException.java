package dispatch.source;

/** Thrown when a {@code feed.yaml} is missing or cannot be read; the message says why. */
public class FeedDefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with the reason the definition was refused. */
    public FeedDefinitionException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** An exception with the reason the definition was refused. */
    public FeedDefinitionException(String reason) {
        super(reason);
    }
}
