package dispatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The HTML pages, as Qute templates under {@code templates/pages/}; every value is HTML-escaped. */
@CheckedTemplate(basePath = "pages")
final class Pages {

    private Pages() {
    }

    /** The site's index: every feed with its URLs and autodiscovery links. */
    static native TemplateInstance index(List<FeedView> feeds);

    /** A feed's home page: its articles, newest first, and how to subscribe. */
    static native TemplateInstance feed(FeedView feed, List<ArticleView> articles);

    /** An article's permalink page. */
    static native TemplateInstance article(FeedView feed, ArticleView article);
}
