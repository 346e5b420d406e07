package dispatch.web;

import java.time.Instant;
import java.util.Optional;

/**
 * Evaluates the conditional request headers of a GET or HEAD (RFC 9110 §13.2.2): whether the
 * answer is {@code 304 Not Modified}.
 *
 * <ul>
 *   <li>{@code If-None-Match}, when present, decides alone: it matches when it is {@code *} or
 *       lists the current entity tag under the weak comparison (so {@code W/"x"} matches
 *       {@code "x"}).
 *   <li>Otherwise {@code If-Modified-Since} matches when it is a valid HTTP date, not in the
 *       future, and not before the last modification. A malformed or future date is ignored.
 * </ul>
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * Whether a GET or HEAD with these headers gets {@code 304}.
     *
     * @param ifNoneMatch the {@code If-None-Match} header, or null
     * @param ifModifiedSince the {@code If-Modified-Since} header, or null
     * @param etag the selected representation's entity tag, quoted
     * @param lastModified when it last changed, to the second
     * @param now the current time
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified, Instant now) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals(etag) || EntityTags.matchesWeakly(ifNoneMatch, etag);
        }
        if (ifModifiedSince == null) {
            return false;
        }
        Optional<Instant> since = HttpDates.parse(ifModifiedSince);
        return since.isPresent() && !since.get().isAfter(now) && !lastModified.isAfter(since.get());
    }
}
