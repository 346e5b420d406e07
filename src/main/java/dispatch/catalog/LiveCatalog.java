package dispatch.catalog;

import dispatch.feed.FeedFormat;
import dispatch.feed.FeedId;
import dispatch.feed.Representation;
import dispatch.source.FeedLoader;
import dispatch.source.FeedsWatcher;
import dispatch.source.FolderFingerprint;
import dispatch.source.Problem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The catalog being served, kept live: readers get it with one volatile read, and a change to one
 * feed renders that feed again and swaps in a catalog where only it differs. Each change is told
 * to the listeners as a {@link FeedChange}.
 *
 * <p>A feed that fails to render keeps its last good state, and so does an article that was good
 * and no longer parses: its last good version stays served while the problem is reported.
 */
public final class LiveCatalog implements FeedsWatcher.ReadState {

    private static final Logger LOG = Logger.getLogger(LiveCatalog.class);

    private final FeedLoader loader;
    private final FeedRendering rendering;
    private final HistoryStore histories;
    private final KeptRenders kept;
    private final FolderRendering folders;
    private final Clock clock;
    private final ChangeEvents changes = new ChangeEvents();
    private final List<BiConsumer<String, Duration>> renderListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> fingerprints = new ConcurrentHashMap<>();
    private volatile Catalog catalog = Catalog.EMPTY;

    /**
     * A catalog of what {@code loader} reads, rendered by {@code rendering}, keeping the
     * validators it serves in {@code validators} so that a restart never moves them backwards,
     * and each feed's archive pages and tombstones in {@code histories}.
     */
    public LiveCatalog(FeedLoader loader, FeedRendering rendering, ValidatorStore validators, HistoryStore histories, Clock clock) {
        this(loader, rendering, validators, histories, null, clock, ChangeTimes.of(clock));
    }

    /**
     * A catalog as {@link #LiveCatalog(FeedLoader, FeedRendering, ValidatorStore, HistoryStore, Clock)}
     * makes it, keeping every render's documents in {@code cache} (null for none) so that a
     * restart with the same sources renders nothing again, and taking the time of each feed's
     * change from {@code times} (in a cluster, the commit time in the database).
     */
    public LiveCatalog(FeedLoader loader, FeedRendering rendering, ValidatorStore validators, HistoryStore histories, RenderCache cache,
            Clock clock, ChangeTimes times) {
        this.loader = loader;
        this.rendering = rendering;
        this.histories = histories;
        this.kept = cache == null ? null : new KeptRenders(cache, loader, rendering.tombstoneLife(), validators, histories, clock);
        this.folders = new FolderRendering(loader, rendering, validators, histories, kept, times, renderListeners);
        this.clock = clock;
    }

    /** The catalog being served. */
    public Catalog catalog() {
        return catalog;
    }

    /** The loader this catalog reads with. */
    public FeedLoader loader() {
        return loader;
    }

    /**
     * The {@link FolderFingerprint} of folder {@code id} when it was last read, or
     * {@link FolderFingerprint#NONE} when it has not been.
     */
    @Override
    public long fingerprint(String id) {
        return fingerprints.getOrDefault(id, FolderFingerprint.NONE);
    }

    /** The names of every folder read so far, feeds or not. */
    @Override
    public Set<String> folders() {
        return Set.copyOf(fingerprints.keySet());
    }

    /** Calls {@code listener} with each feed read and rendered (changed or not) and how long it took. */
    public void onRender(BiConsumer<String, Duration> listener) {
        renderListeners.add(listener);
    }

    /** Calls {@code listener} after each change of a feed, on the thread that made it. */
    public void onChange(Consumer<FeedChange> listener) {
        changes.add(listener);
    }

    /**
     * Holds back the change events this thread causes until {@link #releaseChanges}: a cluster
     * tells its listeners (the hub, say) of a change once its transaction is committed.
     */
    public void holdChanges() {
        changes.hold();
    }

    /** Ends holding back change events: tells those held when {@code tell}, drops them when the change was undone. */
    public void releaseChanges(boolean tell) {
        changes.release(tell);
    }

    /**
     * Reloads feed {@code id} unless its folder is still as it was read ({@link FolderFingerprint}):
     * a change the publish API already served is not rendered a second time when the watcher
     * reports the same files.
     *
     * @return the change, or empty when nothing served changed
     */
    public Optional<FeedChange> reloadIfChanged(String id) {
        long read = fingerprint(id);
        if (read != FolderFingerprint.NONE && FeedId.isValid(id) && FolderFingerprint.of(loader.feedsDir().resolve(id)) == read) {
            return Optional.empty();
        }
        return reload(id);
    }

    /**
     * Reads feed {@code id}'s folder again and serves what it holds now: the feed changed, added
     * or (its folder gone or no longer a feed) removed. Its problems replace the ones it had.
     *
     * @return the change, or empty when nothing served changed
     */
    public synchronized Optional<FeedChange> reload(String id) {
        if (!FeedId.isValid(id)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Catalog before = catalog;
        RenderedFeed previous = before.feeds().get(id);
        List<Problem> problems = new ArrayList<>();
        RenderedFeed next = render(loader.feedsDir().resolve(id), previous, problems, ForkJoinPool.commonPool());
        problems.forEach(p -> LOG.warnf("Skipping %s", p));
        Map<String, RenderedFeed> feeds = new HashMap<>(before.feeds());
        if (next == null) {
            feeds.remove(id);
            histories.forget(id);
            if (kept != null) {
                kept.forget(id);
            }
        } else {
            feeds.put(id, next);
        }
        Path folder = loader.relative(loader.feedsDir().resolve(id));
        List<Problem> allProblems = new ArrayList<>(before.problems().stream().filter(p -> !p.file().startsWith(folder)).toList());
        allProblems.addAll(problems);
        allProblems.sort(Comparator.comparing(Problem::file));
        catalog = new Catalog(feeds, allProblems);
        served(id, previous, next);
        Optional<FeedChange> change = FeedChange.between(id, previous, next);
        String what = change.isEmpty() ? "read again, unchanged," : next == null ? "removed" : previous == null ? "added" : "changed";
        LOG.infof("Feed %s %s in %d ms", id, what, (System.nanoTime() - start) / 1_000_000);
        change.ifPresent(this::tell);
        return change;
    }

    /**
     * Renders the feed in folder {@code dir} (null when it is not one, reported in
     * {@code problems}), keeping {@code previous}'s last good state where rendering fails and
     * the last good version of each article that no longer parses.
     */
    RenderedFeed render(Path dir, RenderedFeed previous, List<Problem> problems) {
        return render(dir, previous, problems, Runnable::run);
    }

    /** As {@link #render(Path, RenderedFeed, List)}, rendering the formats side by side on {@code formats}. */
    private RenderedFeed render(Path dir, RenderedFeed previous, List<Problem> problems, Executor formats) {
        fingerprints.put(dir.getFileName().toString(), FolderFingerprint.of(dir)); // before reading: a later change shows
        return folders.render(dir, previous, problems, formats);
    }

    /**
     * Serves the documents kept for the feed in folder {@code dir} at once, if its sources are as
     * they were when they were kept, until it is rendered ({@link KeptRenders#warmUp}).
     */
    void warmUp(Path dir) {
        if (kept != null) {
            kept.warmUp(dir);
        }
    }

    /** Feed {@code id}'s documents kept from before a start, ready to serve, while it is not rendered yet; empty otherwise. */
    public Map<FeedFormat, Representation> warmDocuments(String id) {
        return kept == null ? Map.of() : kept.warm(id).map(KeptRenders.Warm::servable).orElse(Map.of());
    }

    /** The ttl of feed {@code id} as kept, while its kept documents are served. */
    public Optional<Duration> warmTtl(String id) {
        return kept == null ? Optional.empty() : kept.warm(id).map(KeptRenders.Warm::ttl);
    }

    /**
     * Serves no more documents kept from before the start.
     *
     * @return how many feeds were served from kept documents, not rendered, since the start
     */
    int cool() {
        return kept == null ? 0 : kept.cool();
    }

    /** Deletes what is kept for feeds the catalog does not serve: removed or renamed while Dispatch was stopped. */
    synchronized void forgetKeptOfOtherFeeds() {
        if (kept != null) {
            kept.retain(catalog.feeds().keySet());
        }
        if (rendering.bodies() != null) {
            rendering.bodies().retain(catalog.feeds().keySet());
        }
    }

    /**
     * Has {@code renderAgain} render again each feed publishing a tombstone older than the
     * tombstone lifetime (in a cluster, every replica, at one commit time).
     *
     * @return how many feeds were rendered again
     */
    public int expireTombstones(Consumer<String> renderAgain) {
        Instant oldest = clock.instant().minus(rendering.tombstoneLife());
        List<String> due = catalog.feeds().values().stream()
                .filter(f -> f.snapshot().tombstones().stream().anyMatch(t -> !t.when().isAfter(oldest)))
                .map(RenderedFeed::id).sorted().toList();
        due.forEach(renderAgain);
        return due.size();
    }

    /** Serves {@code next}, a whole catalog read at once, telling each feed's change. */
    synchronized void replaceAll(Catalog next) {
        Catalog before = catalog;
        catalog = next;
        Set<String> ids = new HashSet<>(before.feeds().keySet());
        ids.addAll(next.feeds().keySet());
        ids.forEach(id -> served(id, before.feeds().get(id), next.feeds().get(id)));
        ids.stream().sorted().forEach(id -> FeedChange.between(id, before.feeds().get(id), next.feeds().get(id)).ifPresent(this::tell));
    }

    /** Serves {@code feed} beside the others, while a whole catalog is still being read. */
    synchronized void add(RenderedFeed feed) {
        Catalog before = catalog;
        Map<String, RenderedFeed> feeds = new HashMap<>(before.feeds());
        RenderedFeed previous = feeds.put(feed.id(), feed);
        catalog = new Catalog(feeds, before.problems());
        served(feed.id(), previous, feed);
        FeedChange.between(feed.id(), previous, feed).ifPresent(this::tell);
    }

    /** Feed {@code id} is served as {@code next} (null: no more) after {@code previous}: lets go of the body files neither uses. */
    private void served(String id, RenderedFeed previous, RenderedFeed next) {
        if (rendering.bodies() != null && previous != next) {
            rendering.bodies().serving(id, next == null ? List.of() : next.documents().values(),
                    previous == null || next == null ? List.of() : previous.documents().values());
        }
    }

    private void tell(FeedChange change) {
        changes.tell(change);
    }
}
