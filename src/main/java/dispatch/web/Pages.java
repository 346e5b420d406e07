package dispatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The HTML pages, as Qute templates under {@code templates/pages/}; every value is HTML-escaped. */
@CheckedTemplate(basePath = "pages")
final class Pages {

    private Pages() {
    }

    /** The site's index: every feed with its URLs and autodiscovery links, the OPML list's URL, and the combined feed (or null). */
    static native TemplateInstance index(List<FeedView> feeds, String opml, FeedView all);

    /**
     * A feed's home page, or one of its older pages: its articles, newest first, how to subscribe,
     * its category feeds, and the links to newer and older pages ({@code nav}, or null).
     */
    static native TemplateInstance feed(FeedView feed, List<ArticleView> articles, List<FeedView> categories, PageNav nav);

    /**
     * What a browser shows at a feed document's URL.
     *
     * @param feed the feed
     * @param url the URL being viewed, to copy into a reader
     * @param format the format's name, such as "Atom 1.0"
     * @param entries the entries the document holds
     */
    static native TemplateInstance preview(FeedView feed, String url, String format, List<EntryView> entries);

    /** An article's permalink page. */
    static native TemplateInstance article(FeedView feed, ArticleView article);
}
