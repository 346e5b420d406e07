package dispatch.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A deleted entry, as RFC 6721 announces it in Atom ({@code at:deleted-entry}): the id it had and
 * when its deletion was seen.
 *
 * @param ref the deleted entry's id
 * @param when when it was deleted, to the second
 */
public record Tombstone(String ref, Instant when) {

    /** Creates a tombstone; {@code when} is kept to the second. */
    public Tombstone {
        Objects.requireNonNull(ref);
        when = when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
