package dispatch.article;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An article's media, as its front matter names them: a lead image and enclosures. A URL is an
 * absolute http(s) URL, or the name of a file in the feed's folder ({@code lead.jpg}), which
 * Dispatch serves beside the feed and whose length it knows.
 */
public final class Media {

    /** A file name in a feed folder: no slash, an extension, nothing hidden. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.[A-Za-z0-9]{1,8}");

    /** Media types by file extension, for files in a feed folder. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"),
            Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/ogg"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("pdf", "application/pdf"));

    private Media() {
    }

    /**
     * A lead image.
     *
     * @param url an absolute http(s) URL or a file name in the feed folder
     * @param alt its text alternative
     * @param width its width in pixels
     * @param height its height in pixels
     */
    public record Image(String url, Optional<String> alt, OptionalInt width, OptionalInt height) {

        /** This image at {@code absolute}. */
        public Image at(String absolute) {
            return new Image(absolute, alt, width, height);
        }
    }

    /**
     * An enclosure: a file that goes with the article (audio, video, a document).
     *
     * @param url an absolute http(s) URL or a file name in the feed folder
     * @param type its media type, such as {@code audio/mpeg}
     * @param length its size in bytes, when known: a file in the feed folder's own, else the
     *     publisher's; never guessed
     */
    public record Enclosure(String url, String type, OptionalLong length) {

        /** This enclosure at {@code absolute}, {@code length} bytes long if known. */
        public Enclosure at(String absolute, OptionalLong length) {
            return new Enclosure(absolute, type, length);
        }
    }

    /** Whether {@code url} names a file in the feed folder rather than a URL. */
    public static boolean isFileName(String url) {
        return FILE_NAME.matcher(url).matches();
    }

    /** The media type of file {@code name} by its extension, if Dispatch knows it. */
    public static Optional<String> typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
