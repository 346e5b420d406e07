package dispatch.source;

import java.nio.file.Path;

/**
 * A file that could not be published, and why: an article that is not UTF-8, a {@code feed.yaml}
 * with an unknown key. Logged once and listed by the health check.
 *
 * @param file the file, relative to the feeds directory
 * @param reason why it was skipped, in words a publisher can act on
 */
public record Problem(Path file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
