package dispatch.catalog;

import dispatch.article.ArticleParser;
import dispatch.article.PageShapes;
import dispatch.article.ShapePhrases;
import dispatch.config.DispatchConfig;
import java.util.HashSet;
import java.util.Set;

/** The article parser the configuration asks for: its furniture phrases and page-shape phrase lists. */
public final class ArticleParsers {

    private ArticleParsers() {
    }

    /** A parser with {@code config}'s phrase lists, the built-in ones where it gives none. */
    public static ArticleParser of(DispatchConfig config) {
        DispatchConfig.Shapes s = config.shapes();
        ShapePhrases d = ShapePhrases.DEFAULTS;
        PageShapes shapes = new PageShapes(new ShapePhrases(s.bylinePrefixes().orElse(d.bylinePrefixes()),
                s.outletWords().orElse(d.outletWords()), s.captionPrefixes().orElse(d.captionPrefixes()),
                s.sharePhrases().orElse(d.sharePhrases()), s.creditPrefixes().orElse(d.creditPrefixes()),
                s.topicHeaders().orElse(d.topicHeaders()), s.boilerplatePrefixes().orElse(d.boilerplatePrefixes()),
                s.promptPrefixes().orElse(d.promptPrefixes())));
        Set<String> furniture = config.furniture().<Set<String>>map(HashSet::new).orElse(ArticleParser.DEFAULT_FURNITURE);
        return new ArticleParser(furniture, shapes);
    }
}
