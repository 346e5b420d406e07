package dispatch.catalog;

import dispatch.feed.FeedId;
import dispatch.source.FeedLoader;
import dispatch.source.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * The first reading of the whole feeds directory after a start, in the background, so that the
 * HTTP server starts at once. Each feed is served as soon as it is rendered; a feed asked for
 * meanwhile is loaded ahead of its turn ({@link #loadAhead}); until every feed is, the load is
 * not over ({@link #loaded()} is false): the site answers {@code 503} for the lists of all feeds,
 * and readiness is down.
 */
public final class FirstLoad {

    private static final Logger LOG = Logger.getLogger(FirstLoad.class);

    private final LiveCatalog live;
    private final FeedLoader loader;
    /** Completes when the load is over; holds no catalog, which would keep every first version of every feed from being collected. */
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Completes when the documents kept from before the start are read back ({@link LiveCatalog#warmUp}). */
    private final CompletableFuture<Void> warmed = new CompletableFuture<>();
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<RenderedFeed>> claims = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean stopping;

    /** The first load of {@code live}'s feeds directory. */
    public FirstLoad(LiveCatalog live) {
        this.live = live;
        this.loader = live.loader();
    }

    /** Starts the load on a thread of its own. */
    public void start() {
        started = true; // before any request can ask for a feed
        Thread thread = new Thread(this::run, "dispatch-first-load");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the load: nothing more is served from it. */
    public void stop() {
        stopping = true;
    }

    /** Whether the load is over: every feed is served (or reported as a problem). */
    public boolean loaded() {
        return done.isDone() && !done.isCompletedExceptionally();
    }

    /** Runs {@code action} once the load is over and its catalog served (not if it fails). */
    public void whenLoaded(Runnable action) {
        done.thenRun(action);
    }

    /** Why the load failed (the feeds directory could not be listed, the JVM failed), or empty. */
    public Optional<String> failure() {
        return Optional.ofNullable(done.handle((loaded, failure) -> failure).getNow(null)).map(Throwable::toString);
    }

    /**
     * Waits until the load is over and returns the catalog.
     *
     * @throws IllegalStateException if it is not over within {@code timeout}, or failed
     */
    public Catalog awaitLoaded(Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return live.catalog();
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
     * While the load runs, loads feed {@code id} now rather than in its turn, so that a request
     * for it can be answered as soon as that one feed is ready. Never blocks: the work, if the
     * feed is not claimed yet, is handed to {@code executor}; the future completes with the feed,
     * or null when there is no such feed or it cannot be rendered (its problem is reported with
     * the others). Outside the load, it completes at once with the served feed.
     */
    public CompletableFuture<RenderedFeed> loadAhead(String id, Executor executor) {
        return loadAhead(id, executor, false);
    }

    /**
     * Loads feed {@code id} ahead of its turn as {@link #loadAhead(String, Executor)} does, unless
     * {@code documents} (the caller wants only a feed document) and its documents kept from before
     * the start are being read back: the future then completes, with null, once they are, and
     * the feed is loaded ahead only if none were kept.
     */
    public CompletableFuture<RenderedFeed> loadAhead(String id, Executor executor, boolean documents) {
        if (!started || done.isDone() || !FeedId.isValid(id)) {
            return CompletableFuture.completedFuture(live.catalog().feeds().get(id));
        }
        if (documents && !warmed.isDone()) {
            return warmed.thenCompose(v -> live.warmDocuments(id).isEmpty() ? claim(loader.feedsDir().resolve(id), executor)
                    : CompletableFuture.completedFuture(null));
        }
        return claim(loader.feedsDir().resolve(id), executor);
    }

    private void run() {
        long start = System.nanoTime();
        try {
            Catalog c = load();
            synchronized (this) { // with serve(): no feed can be added after the whole catalog
                live.replaceAll(c);
                done.complete(null);
            }
            live.forgetKeptOfOtherFeeds();
            LOG.infof("Serving %d feed(s) from %s, loaded in %d ms, %d of them from documents kept in the data folder", c.feeds().size(),
                    loader.feedsDir().toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000, live.cool());
        } catch (CancellationException e) {
            LOG.debugf("Stopped while loading the feeds");
        } catch (RuntimeException | Error e) {
            // the feeds directory cannot be listed, or the JVM is failing: serve what is rendered,
            // and stay unready rather than pass a partial catalog for the whole content
            LOG.errorf(e, "Cannot load the feeds directory %s: serving %d feed(s), not ready",
                    loader.feedsDir().toAbsolutePath().normalize(), live.catalog().feeds().size());
            done.completeExceptionally(e);
        } finally {
            warmed.complete(null); // also when the feeds directory could not be listed
            claims.clear(); // requests no longer claim feeds once the load is over: keep no feed from being collected
            live.cool(); // after a failure too
        }
    }

    private Catalog load() {
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
        // first the documents kept from before, for every feed whose sources are unchanged: served at once
        long warm = System.nanoTime();
        try {
            folders.parallelStream().forEach(live::warmUp);
        } finally {
            warmed.complete(null);
        }
        LOG.infof("Kept documents read back in %d ms", (System.nanoTime() - warm) / 1_000_000);
        // feeds load and render independently: use every core, serving each feed as it is ready
        List<RenderedFeed> rendered = folders.parallelStream().map(this::loadInTurn).filter(Objects::nonNull).toList();
        if (stopping) {
            throw new CancellationException("stopped while loading"); // not a whole catalog: never serve it
        }
        Map<String, RenderedFeed> feeds = new LinkedHashMap<>();
        rendered.forEach(feed -> feeds.put(feed.id(), feed));
        List<Problem> sorted = problems.stream().sorted(Comparator.comparing(Problem::file)).toList();
        sorted.forEach(p -> LOG.warnf("Skipping %s", p));
        return new Catalog(feeds, sorted);
    }

    /** The feed in folder {@code dir}, loaded in the load's turn unless a request claimed it first. */
    private RenderedFeed loadInTurn(Path dir) {
        try {
            return claim(dir, Runnable::run).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            // a request's load of this feed failed: one feed never stops the load
            problems.add(new Problem(loader.relative(dir), "cannot be loaded: " + e.getCause()));
            LOG.errorf(e.getCause(), "Not publishing %s", Problem.printable(dir.toString()));
            return null;
        }
    }

    /**
     * The feed in folder {@code dir}, loaded once: the first to claim it loads it on
     * {@code executor}; everyone gets the same future.
     */
    private CompletableFuture<RenderedFeed> claim(Path dir, Executor executor) {
        String name = dir.getFileName().toString();
        CompletableFuture<RenderedFeed> mine = new CompletableFuture<>();
        CompletableFuture<RenderedFeed> theirs = claims.putIfAbsent(name, mine);
        if (theirs != null) {
            return theirs;
        }
        if (done.isDone()) { // the load ended as this claim was made: nothing will clear it
            claims.remove(name, mine);
        }
        try {
            executor.execute(() -> {
                try {
                    RenderedFeed feed = stopping ? null : live.render(dir, null, problems);
                    if (feed != null) {
                        serve(feed);
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
    private void fail(String name, CompletableFuture<RenderedFeed> claim, Throwable failure) {
        claims.remove(name, claim);
        claim.completeExceptionally(failure);
    }

    /** Serves {@code feed} beside the feeds rendered so far, while the load runs. */
    private synchronized void serve(RenderedFeed feed) {
        if (!done.isDone()) {
            live.add(feed);
        }
    }
}
