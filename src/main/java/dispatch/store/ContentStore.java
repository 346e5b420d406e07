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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        List<LoadedFeed> loaded;
        try {
            loaded = loader.loadAll(problems::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the feeds directory " + loader.feedsDir(), e);
        }
        Instant now = clock.instant();
        Catalog before = catalog;
        // feeds render independently: use every core (a large tree renders in a fraction of the time)
        List<PublishedFeed> published = loaded.parallelStream()
                .map(feed -> publishOrKeep(feed, before.feeds().get(feed.definition().id()), now, problems))
                .filter(Objects::nonNull)
                .toList();
        Map<String, PublishedFeed> feeds = new LinkedHashMap<>();
        published.forEach(feed -> feeds.put(feed.id(), feed));
        List<Problem> sorted = problems.stream().sorted(Comparator.comparing(Problem::file)).toList();
        sorted.forEach(p -> LOG.warnf("Skipping %s: %s", p.file(), p.reason()));
        catalog = new Catalog(feeds, sorted);
        return catalog;
    }

    /**
     * Publishes one feed; if rendering fails, reports it and keeps serving {@code previous}, the
     * feed's last good state (null when it has none).
     */
    private PublishedFeed publishOrKeep(LoadedFeed feed, PublishedFeed previous, Instant now, List<Problem> problems) {
        try {
            return publisher.publish(feed, previous, now);
        } catch (RuntimeException | StackOverflowError e) {
            Problem problem = new Problem(loader.feedsDir().getFileName().resolve(feed.definition().id()), "cannot be rendered: " + e);
            LOG.errorf(e, "Not publishing %s%s", problem.file(), previous == null ? "" : " (serving its last good state)");
            problems.add(problem);
            return previous;
        }
    }
}
