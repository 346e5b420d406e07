package dispatch.catalog;

import dispatch.config.DispatchConfig;
import dispatch.feed.Links;
import dispatch.source.FeedLoader;
import dispatch.source.FeedsWatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The edge where Quarkus meets the catalog: builds the {@link LiveCatalog} of the configured
 * feeds directory, runs its {@link FirstLoad} when the application starts, then a
 * {@link FeedsWatcher} that reloads each feed whose folder changes, and stops both when it stops.
 * Everything else is plain Java.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    private final Links links;
    private final HistoryDocuments history;
    private final DerivedFeeds derived;
    private final LiveCatalog live;
    private final FirstLoad firstLoad;
    private final FeedsWatcher watcher;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dispatch-tombstones");
        t.setDaemon(true);
        return t;
    });

    private final FeedSource source;

    /** The catalog of the configured feeds directory. */
    public CatalogService(DispatchConfig config) {
        this(config, new FolderSource(config.feedsDir(), config.watch().enabled(), config.dataDir(), Clock.systemUTC()));
    }

    /** The catalog of {@code source}: the feeds directory, or a cluster's database. */
    @Inject
    public CatalogService(DispatchConfig config, FeedSource source) {
        this.source = source;
        FeedLoader loader = new FeedLoader(source.feedsDir(), ArticleParsers.of(config), config.maxArticleBytes());
        this.links = links(config);
        BodyFiles bodies = new BodyFiles(config.dataDir());
        FeedRendering rendering = new FeedRendering(links, config.gzipLevel(), config.history().tombstoneLifetime(),
                config.history().deltaVersions(), bodies);
        this.history = new HistoryDocuments(rendering, new PageValidators(source.kept()), source.changeTimes());
        this.derived = new DerivedFeeds(rendering, Clock.systemUTC());
        RenderCache cache = new RenderCache(config.dataDir(), documentSettings(config, links), bodies);
        this.live = new LiveCatalog(loader, rendering, new ValidatorStore(source.kept()), new HistoryStore(source.kept()), cache,
                Clock.systemUTC(), source.changeTimes());
        this.firstLoad = new FirstLoad(live);
        live.onChange(change -> {
            if (change.after().isEmpty()) {
                this.history.forget(change.feedId());
            }
        });
        DispatchConfig.Watch watch = config.watch();
        this.watcher = !source.watched() ? null
                : new FeedsWatcher(source.feedsDir(), watch.quietPeriod(), watch.rescanInterval(), live, live::reloadIfChanged);
    }

    /**
     * The links of the configured base URL, advertising Dispatch's own WebSub hub (when it is
     * enabled) ahead of the configured public hubs.
     */
    private static Links links(DispatchConfig config) {
        List<String> hubs = new ArrayList<>();
        if (config.websub().enabled()) {
            hubs.add(new Links(config.baseUrl()).ownHub());
        }
        config.websub().hubs().ifPresent(hubs::addAll);
        return new Links(config.baseUrl(), hubs);
    }

    /**
     * Every setting that shapes feed documents, as text: what documents kept by one configuration
     * must not be served under another ({@link RenderCache}).
     */
    static String documentSettings(DispatchConfig config, Links links) {
        DispatchConfig.Shapes shapes = config.shapes();
        return String.join("\n", "base " + links.base(), "hubs " + links.hubs(), "gzip " + config.gzipLevel(),
                "max-article-bytes " + config.maxArticleBytes(), "furniture " + config.furniture().map(List::toString).orElse("default"),
                "shapes " + List.of(shapes.bylinePrefixes(), shapes.outletWords(), shapes.captionPrefixes(), shapes.sharePhrases(),
                        shapes.creditPrefixes(), shapes.topicHeaders(), shapes.boilerplatePrefixes(), shapes.promptPrefixes()).stream()
                        .map(o -> o.map(set -> new TreeSet<>(set).toString()).orElse("default")).toList(),
                "tombstone-lifetime " + config.history().tombstoneLifetime());
    }

    /** The links every feed and page is built with. */
    public Links links() {
        return links;
    }

    /** The archive pages and deltas of feeds, rendered on request. */
    public HistoryDocuments history() {
        return history;
    }

    /** Category feeds and the combined feed. */
    public DerivedFeeds derived() {
        return derived;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Starts the first load, in the background, then watching the feeds directory; the
     * application does when it starts.
     */
    public void start() {
        source.prepare();
        firstLoad.whenLoaded(() -> source.follow(live));
        if (watcher != null) {
            firstLoad.whenLoaded(watcher::start); // compares every folder with what the load read first
        }
        firstLoad.start();
        firstLoad.whenLoaded(() -> sweeper.scheduleWithFixedDelay(this::expireTombstones, 1, 60, TimeUnit.MINUTES));
    }

    /** Renders again the feeds whose oldest tombstone has outlived the tombstone lifetime. */
    private void expireTombstones() {
        try {
            int feeds = live.expireTombstones(id -> source.renderAgain(id, live));
            if (feeds > 0) {
                LOG.infof("Tombstones expired in %d feeds", feeds);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot expire tombstones");
        }
    }

    /** Stops loading and watching. */
    public void stop() {
        source.close();
        firstLoad.stop();
        sweeper.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Where the feeds come from. */
    public FeedSource source() {
        return source;
    }

    /** The live catalog. */
    public LiveCatalog live() {
        return live;
    }

    /** The catalog being served; while the first load runs, the feeds loaded so far. */
    public Catalog catalog() {
        return live.catalog();
    }

    /** Runs {@code action} once the first load is over (at once if it is). */
    public void whenLoaded(Runnable action) {
        firstLoad.whenLoaded(action);
    }

    /** Why watching the feeds directory is not keeping up, or empty (also when watching is off). */
    public Optional<String> watcherTrouble() {
        return watcher == null ? Optional.empty() : watcher.trouble();
    }

    /** Whether the feeds directory is watched. */
    public boolean watching() {
        return watcher != null;
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

    /** Loads feed {@code id} ahead of its turn, or, for a feed document, awaits its kept documents; see {@link FirstLoad#loadAhead(String, Executor, boolean)}. */
    public CompletableFuture<RenderedFeed> loadAhead(String id, Executor executor, boolean documents) {
        return firstLoad.loadAhead(id, executor, documents);
    }
}
