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

    /**
     * The file's name as it is safe to log and show: control characters (a newline in a file
     * name would forge a log line) written as {@code \\uXXXX}.
     */
    public String fileName() {
        return printable(file.toString());
    }

    /** {@code text} with its control characters written as {@code \\uXXXX}. */
    public static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return fileName() + ": " + printable(reason);
    }
}
