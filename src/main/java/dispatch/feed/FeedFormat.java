package dispatch.feed;

/** The formats every feed is published in, each under its own file name. */
public enum FeedFormat {
    /** RSS 2.0. */
    RSS("rss.xml", "application/rss+xml; charset=utf-8", "RSS 2.0"),
    /** Atom 1.0, RFC 4287. */
    ATOM("atom.xml", "application/atom+xml; charset=utf-8", "Atom 1.0"),
    /** JSON Feed 1.1. */
    JSON("feed.json", "application/feed+json; charset=utf-8", "JSON Feed 1.1");

    private final String fileName;
    private final String contentType;
    private final String label;

    FeedFormat(String fileName, String contentType, String label) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.label = label;
    }

    /** The last path segment of this format's URL, such as {@code rss.xml}. */
    public String fileName() {
        return fileName;
    }

    /** The {@code Content-Type} this format is served with, charset included. */
    public String contentType() {
        return contentType;
    }

    /** The media type without parameters, for {@code <link type>} and Atom {@code self} links. */
    public String mediaType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }

    /** A name for people, such as "RSS 2.0". */
    public String label() {
        return label;
    }

    /** The format served under {@code fileName}, or null when there is none. */
    public static FeedFormat byFileName(String fileName) {
        for (FeedFormat f : ALL) {
            if (f.fileName.equals(fileName)) {
                return f;
            }
        }
        return null;
    }

    /** {@link #values()} once: each call to it copies the array. */
    private static final FeedFormat[] ALL = values();
}
