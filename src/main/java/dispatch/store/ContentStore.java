package dispatch.store;

import dispatch.article.ArticleParser;
import dispatch.config.DispatchConfig;
import dispatch.feed.Links;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Holds the {@link Catalog} being served, loaded from the feeds directory at startup. Readers get
 * the current catalog with one volatile read; a reload builds a whole new catalog and swaps it in.
 */
@ApplicationScoped
public class ContentStore {

    private static final Logger LOG = Logger.getLogger(ContentStore.class);

    private final FeedLoader loader;
    private final Publisher publisher;
    private final Clock clock = Clock.systemUTC();
    private volatile Catalog catalog = Catalog.EMPTY;

    /** A store of the configured feeds directory. */
    public ContentStore(DispatchConfig config) {
        ArticleParser parser = config.furniture().map(list -> new ArticleParser(new HashSet<>(list))).orElseGet(ArticleParser::new);
        this.loader = new FeedLoader(config.feedsDir(), parser, config.maxArticleBytes());
        this.publisher = new Publisher(new Links(config.baseUrl()), config.gzipLevel());
    }

    void onStart(@Observes StartupEvent event) {
        Catalog c = reload();
        LOG.infof("Serving %d feed(s) from %s", c.feeds().size(), loader.feedsDir().toAbsolutePath().normalize());
    }

    /** The catalog being served. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Reads the feeds directory again and serves what it holds. Each file that cannot be published
     * is logged once, with its name and the reason.
     */
    public synchronized Catalog reload() {
        if (!Files.isDirectory(loader.feedsDir())) {
            LOG.warnf("The feeds directory %s does not exist: serving no feeds (set dispatch.feeds-dir)",
                    loader.feedsDir().toAbsolutePath().normalize());
            catalog = Catalog.EMPTY;
            return catalog;
        }
        List<Problem> problems = new ArrayList<>();
        List<LoadedFeed> loaded;
        try {
            loaded = loader.loadAll(problem -> {
                LOG.warnf("Skipping %s: %s", problem.file(), problem.reason());
                problems.add(problem);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the feeds directory " + loader.feedsDir(), e);
        }
        Instant now = clock.instant();
        Map<String, PublishedFeed> feeds = new LinkedHashMap<>();
        Catalog before = catalog;
        for (LoadedFeed feed : loaded) {
            String id = feed.definition().id();
            PublishedFeed previous = before.feeds().get(id);
            try {
                feeds.put(id, publisher.publish(feed, previous, now));
            } catch (RuntimeException | StackOverflowError e) {
                Problem problem = new Problem(loader.feedsDir().getFileName().resolve(id), "cannot be rendered: " + e);
                LOG.errorf(e, "Not publishing %s: %s%s", problem.file(), problem.reason(),
                        previous == null ? "" : " (serving its last good state)");
                problems.add(problem);
                if (previous != null) {
                    feeds.put(id, previous);
                }
            }
        }
        catalog = new Catalog(feeds, problems);
        return catalog;
    }
}
