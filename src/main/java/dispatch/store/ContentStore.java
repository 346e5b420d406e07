package dispatch.store;

import dispatch.article.ArticleParser;
import dispatch.config.DispatchConfig;
import dispatch.feed.FeedId;
import dispatch.feed.Links;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Holds the {@link Catalog} being served, loaded from the feeds directory. Readers get the current
 * catalog with one volatile read; a reload builds a whole new catalog and swaps it in.
 *
 * <p>The first load runs in the background, so that the HTTP server starts at once: each feed is
 * served as soon as it is published, a feed asked for is published ahead of its turn
 * ({@link #publishEarly}), and until every feed is, {@link #loaded()} is false (the site answers
 * {@code 503} with {@code Retry-After} for the lists of all feeds, and readiness is down).
 */
@ApplicationScoped
public class ContentStore {

    private static final Logger LOG = Logger.getLogger(ContentStore.class);

    private final FeedLoader loader;
    private final Publisher publisher;
    private final Clock clock = Clock.systemUTC();
    private final CompletableFuture<Catalog> firstLoad = new CompletableFuture<>();
    private volatile Catalog catalog = Catalog.EMPTY;
    private volatile Pass current;
    private volatile boolean stopping;

    /** A store of the configured feeds directory. */
    public ContentStore(DispatchConfig config) {
        ArticleParser parser = config.furniture().map(list -> new ArticleParser(new HashSet<>(list))).orElseGet(ArticleParser::new);
        this.loader = new FeedLoader(config.feedsDir(), parser, config.maxArticleBytes());
        this.publisher = new Publisher(new Links(config.baseUrl()), config.gzipLevel());
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts the first load, in the background; the application does when it starts. */
    public void start() {
        current = new Pass(Catalog.EMPTY, clock.instant(), true); // before any request can ask for a feed
        Thread thread = new Thread(this::loadFirst, "dispatch-first-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void loadFirst() {
        long start = System.nanoTime();
        try {
            Catalog c = reload();
            LOG.infof("Serving %d feed(s) from %s, loaded in %d ms", c.feeds().size(),
                    loader.feedsDir().toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000);
        } catch (CancellationException e) {
            LOG.debugf("Stopped while loading the feeds");
        } catch (RuntimeException | Error e) {
            // the feeds directory cannot be listed, or the JVM is failing: serve what is published,
            // and stay unready (the lists of all feeds keep answering 503) rather than pass a
            // partial catalog for the whole content
            LOG.errorf(e, "Cannot load the feeds directory %s: serving %d feed(s), not ready",
                    loader.feedsDir().toAbsolutePath().normalize(), catalog.feeds().size());
            firstLoad.completeExceptionally(e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // a load still running publishes nothing more
    }

    /**
     * Why the first load failed, or empty: the feeds directory could not be listed, or the JVM
     * failed (out of memory, say). The store then stays unready and serves what it had published.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(firstLoad.handle((loaded, failure) -> failure).getNow(null)).map(Throwable::toString);
    }

    /** The catalog being served; while the first load runs, the feeds published so far. */
    public Catalog catalog() {
        return catalog;
    }

    /** Whether the first load is over: every feed is published (or reported as a problem). */
    public boolean loaded() {
        return firstLoad.isDone() && !firstLoad.isCompletedExceptionally();
    }

    /**
     * Waits until the first load is over and returns the catalog.
     *
     * @throws IllegalStateException if it is not over within {@code timeout}, or failed
     */
    public Catalog awaitLoaded(Duration timeout) {
        try {
            firstLoad.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return catalog;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the feeds are not loaded after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the feeds", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the first load failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Reads the feeds directory again and serves what it holds. Each file that cannot be published
     * is logged once, with its name and the reason. During the first load, each feed is served as
     * soon as it is published.
     */
    public synchronized Catalog reload() {
        Pass pass = current; // the first load's, made when the application started
        if (pass == null) {
            pass = new Pass(catalog, clock.instant(), !loaded());
            current = pass.progressive ? pass : null;
        }
        try {
            return swap(load(pass));
        } finally {
            current = null;
        }
    }

    private Catalog load(Pass pass) {
        if (!Files.isDirectory(loader.feedsDir())) {
            LOG.warnf("The feeds directory %s does not exist: serving no feeds (set dispatch.feeds-dir)",
                    loader.feedsDir().toAbsolutePath().normalize());
            return Catalog.EMPTY;
        }
        List<Path> folders;
        try {
            folders = loader.folders();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the feeds directory " + loader.feedsDir(), e);
        }
        // feeds load and render independently: use every core, publishing each feed as it is ready
        List<PublishedFeed> published = folders.parallelStream()
                .map(pass::publish)
                .filter(Objects::nonNull)
                .toList();
        if (stopping) {
            throw new CancellationException("stopped while loading"); // not a whole catalog: never swap it in
        }
        Map<String, PublishedFeed> feeds = new LinkedHashMap<>();
        published.forEach(feed -> feeds.put(feed.id(), feed));
        List<Problem> sorted = pass.problems.stream().sorted(Comparator.comparing(Problem::file)).toList();
        sorted.forEach(p -> LOG.warnf("Skipping %s: %s", p.file(), p.reason()));
        return new Catalog(feeds, sorted);
    }

    /**
     * While the first load runs, publishes feed {@code id} now rather than in its turn, so that a
     * request for it can be answered as soon as that one feed is ready. Never blocks: the work,
     * if the feed is not claimed yet, is handed to {@code executor}; the future completes with the
     * feed, or null when there is no such feed or it cannot be published (its problem is reported
     * with the others). Outside the first load, it completes at once with the served feed.
     */
    public CompletableFuture<PublishedFeed> publishEarly(String id, Executor executor) {
        Pass pass = current;
        if (pass == null || !FeedId.isValid(id)) {
            return CompletableFuture.completedFuture(catalog.feeds().get(id));
        }
        return pass.claim(loader.feedsDir().resolve(id), executor);
    }

    /**
     * One reading of the feeds directory. In the first load it is progressive: each feed is
     * served as soon as it is published, and each is published once, by whichever claims it
     * first, the load or a request for it ({@link #publishEarly}).
     */
    private final class Pass {
        final Catalog before;
        final Instant now;
        final boolean progressive;
        final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        final Map<String, CompletableFuture<PublishedFeed>> claims = new ConcurrentHashMap<>();

        Pass(Catalog before, Instant now, boolean progressive) {
            this.before = before;
            this.now = now;
            this.progressive = progressive;
        }

        /** The feed in folder {@code dir}, published, or null (reported) when it is not one. */
        PublishedFeed publish(Path dir) {
            if (!progressive) {
                return loadAndPublish(dir);
            }
            try {
                return claim(dir, Runnable::run).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                // a request's publication of this feed failed: one feed never stops the load
                problems.add(new Problem(loader.relative(dir), "cannot be loaded: " + e.getCause()));
                LOG.errorf(e.getCause(), "Not publishing %s", dir);
                return null;
            }
        }

        /**
         * The feed in folder {@code dir}, published once: the first to claim it publishes it on
         * {@code executor}; everyone gets the same future.
         */
        CompletableFuture<PublishedFeed> claim(Path dir, Executor executor) {
            String name = dir.getFileName().toString();
            CompletableFuture<PublishedFeed> mine = new CompletableFuture<>();
            CompletableFuture<PublishedFeed> theirs = claims.putIfAbsent(name, mine);
            if (theirs != null) {
                return theirs;
            }
            try {
                executor.execute(() -> {
                    try {
                        PublishedFeed feed = stopping ? null : loadAndPublish(dir);
                        if (feed != null) {
                            addWhileLoading(feed);
                        }
                        mine.complete(feed);
                    } catch (RuntimeException | Error e) {
                        fail(name, mine, e);
                    }
                });
            } catch (RuntimeException e) { // the executor refused the work
                fail(name, mine, e);
            }
            return mine;
        }

        /** Gives up a claim: whoever waits for it gets the failure, and the load may claim the feed again. */
        private void fail(String name, CompletableFuture<PublishedFeed> claim, Throwable failure) {
            claims.remove(name, claim);
            claim.completeExceptionally(failure);
        }

        private PublishedFeed loadAndPublish(Path dir) {
            LoadedFeed feed = loader.loadFolder(dir, problems::add);
            return feed == null ? null : publishOrKeep(feed, before.feeds().get(feed.definition().id()), now, problems);
        }
    }

    private Catalog swap(Catalog next) {
        synchronized (firstLoad) { // with addWhileLoading: no feed can be added to the final catalog
            catalog = next;
            firstLoad.complete(next);
        }
        return next;
    }

    /** Serves {@code feed} beside the feeds published so far in the first load. */
    private void addWhileLoading(PublishedFeed feed) {
        synchronized (firstLoad) {
            if (!loaded()) {
                Map<String, PublishedFeed> feeds = new HashMap<>(catalog.feeds());
                feeds.put(feed.id(), feed);
                catalog = new Catalog(feeds, List.of());
            }
        }
    }

    /**
     * Publishes one feed; if rendering fails, reports it and keeps serving {@code previous}, the
     * feed's last good state (null when it has none).
     */
    private PublishedFeed publishOrKeep(LoadedFeed feed, PublishedFeed previous, Instant now, List<Problem> problems) {
        try {
            return publisher.publish(feed, previous, now);
        } catch (RuntimeException | StackOverflowError e) {
            Problem problem = new Problem(loader.relative(loader.feedsDir().resolve(feed.definition().id())), "cannot be rendered: " + e);
            LOG.errorf(e, "Not publishing %s%s", problem.file(), previous == null ? "" : " (serving its last good state)");
            problems.add(problem);
            return previous;
        }
    }
}
