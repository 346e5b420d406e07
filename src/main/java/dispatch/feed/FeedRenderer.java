package dispatch.feed;

/** Writes a snapshot as the bytes of one feed format. Implementations are pure and thread-safe. */
public interface FeedRenderer {

    /** The format this renderer writes. */
    FeedFormat format();

    /** The feed document for {@code snapshot}, UTF-8; the same snapshot always gives the same bytes. */
    byte[] render(FeedSnapshot snapshot);
}
