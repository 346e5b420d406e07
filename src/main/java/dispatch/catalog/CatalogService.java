package dispatch.catalog;

import dispatch.article.ArticleParser;
import dispatch.config.DispatchConfig;
import dispatch.feed.Links;
import dispatch.source.FeedLoader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The edge where Quarkus meets the catalog: builds the {@link LiveCatalog} of the configured
 * feeds directory, runs its {@link FirstLoad} when the application starts and stops it when it
 * stops. Everything else is plain Java.
 */
@ApplicationScoped
public class CatalogService {

    private final LiveCatalog live;
    private final FirstLoad firstLoad;

    /** The catalog of the configured feeds directory. */
    public CatalogService(DispatchConfig config) {
        ArticleParser parser = config.furniture().map(list -> new ArticleParser(new HashSet<>(list))).orElseGet(ArticleParser::new);
        FeedLoader loader = new FeedLoader(config.feedsDir(), parser, config.maxArticleBytes());
        FeedRendering rendering = new FeedRendering(new Links(config.baseUrl()), config.gzipLevel());
        this.live = new LiveCatalog(loader, rendering, new ValidatorStore(config.dataDir()), Clock.systemUTC());
        this.firstLoad = new FirstLoad(live);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        firstLoad.stop();
    }

    /** Starts the first load, in the background; the application does when it starts. */
    public void start() {
        firstLoad.start();
    }

    /** The live catalog. */
    public LiveCatalog live() {
        return live;
    }

    /** The catalog being served; while the first load runs, the feeds loaded so far. */
    public Catalog catalog() {
        return live.catalog();
    }

    /** Whether the first load is over. */
    public boolean loaded() {
        return firstLoad.loaded();
    }

    /** Why the first load failed, or empty. */
    public Optional<String> failure() {
        return firstLoad.failure();
    }

    /** Waits until the first load is over; see {@link FirstLoad#awaitLoaded}. */
    public Catalog awaitLoaded(Duration timeout) {
        return firstLoad.awaitLoaded(timeout);
    }

    /** Loads feed {@code id} ahead of its turn while the first load runs; see {@link FirstLoad#loadAhead}. */
    public CompletableFuture<RenderedFeed> loadAhead(String id, Executor executor) {
        return firstLoad.loadAhead(id, executor);
    }
}
