package dispatch.feed;

/** How a feed publishes an article's related headlines. */
public enum RelatedMode {
    /** Each related headline becomes an entry of its own (the default). */
    ENTRIES,
    /** Related headlines stay links inside the article's entry. */
    LINKS
}
