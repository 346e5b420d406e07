package dispatch.catalog;

import dispatch.article.Media;
import dispatch.catalog.FeedChange.Validators;
import dispatch.feed.Archives;
import dispatch.feed.AtomRenderer;
import dispatch.feed.EntryAssembler;
import dispatch.feed.FeedEntries;
import dispatch.feed.FeedFormat;
import dispatch.feed.FeedHistory;
import dispatch.feed.FeedRenderer;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.JsonFeedRenderer;
import dispatch.feed.Links;
import dispatch.feed.Paging;
import dispatch.feed.Representation;
import dispatch.feed.Representation.BodyKeeper;
import dispatch.feed.RssRenderer;
import dispatch.source.LoadedFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Renders a loaded feed into its documents, one per format. A feed's {@code Last-Modified} is
 * the time its content last changed, never later than now, and never moves backwards: when the
 * bytes change but the newest article date does not move forward (an article was deleted,
 * say), the time of the change is used instead.
 *
 * <p>The current documents hold the newest entries; the others are cut into archive pages
 * ({@link Archives}), and each version is remembered ({@link Versions}): {@link HistoryDocuments}
 * renders archive pages and deltas on request.
 */
public final class FeedRendering {

    private final Links links;
    private final EntryAssembler assembler;
    private final List<FeedRenderer> renderers;
    private final List<FeedRenderer> derivedRenderers;
    private final int gzipLevel;
    private final Duration tombstoneLife;
    private final int versionsKept;
    private final BodyFiles bodies;

    /**
     * A rendering building links with {@code links}, gzipping at {@code gzipLevel}, keeping a
     * deleted entry's tombstone for 30 days and 16 versions for deltas.
     */
    public FeedRendering(Links links, int gzipLevel) {
        this(links, gzipLevel, Duration.ofDays(30), 16);
    }

    /**
     * A rendering building links with {@code links}, gzipping at {@code gzipLevel}, keeping a
     * deleted entry's tombstone for {@code tombstoneLife} and {@code versionsKept} earlier
     * versions of each feed for deltas.
     */
    public FeedRendering(Links links, int gzipLevel, Duration tombstoneLife, int versionsKept) {
        this(links, gzipLevel, tombstoneLife, versionsKept, null);
    }

    /**
     * A rendering as {@link #FeedRendering(Links, int, Duration, int)} makes it, keeping the
     * identity bodies of feed documents in {@code bodies} (null to keep them in memory).
     */
    public FeedRendering(Links links, int gzipLevel, Duration tombstoneLife, int versionsKept, BodyFiles bodies) {
        this.bodies = bodies;
        this.links = links;
        this.tombstoneLife = tombstoneLife;
        this.versionsKept = versionsKept;
        this.assembler = new EntryAssembler(links);
        this.renderers = List.of(new RssRenderer(links), new AtomRenderer(links), new JsonFeedRenderer(links));
        Links noHubs = links.withoutHubs();
        this.derivedRenderers = List.of(new RssRenderer(noHubs), new AtomRenderer(noHubs), new JsonFeedRenderer(noHubs));
        this.gzipLevel = gzipLevel;
    }

    /** Where the identity bodies of feed documents are kept; null when they stay in memory. */
    BodyFiles bodies() {
        return bodies;
    }

    /** The links documents are built with. */
    public Links links() {
        return links;
    }

    /** The assembler of entries. */
    public EntryAssembler assembler() {
        return assembler;
    }

    /**
     * Renders a feed derived from others ({@link DerivedFeeds}), advertising no hub, last modified
     * at {@code sources}' time (when the feeds it is made of last changed) or its newest entry's
     * {@code updated} if later, never later than {@code now}: a deletion moves it forward, and
     * every replica and restart serves the same validators.
     */
    RenderedFeed renderDerived(FeedSnapshot snapshot, Instant sources, Instant now) {
        Map<FeedFormat, Representation> documents = new EnumMap<>(FeedFormat.class);
        Instant latest = snapshot.updated().isAfter(sources) ? snapshot.updated() : sources;
        Instant lastModified = latest.isAfter(now) ? now : latest;
        for (FeedRenderer renderer : derivedRenderers) {
            documents.put(renderer.format(), Representation.of(renderer.render(snapshot), renderer.format().contentType(), lastModified, gzipLevel));
        }
        return new RenderedFeed(snapshot, documents);
    }

    /**
     * Renders {@code feed}. {@code previous}, the same feed as rendered before (or null), keeps
     * {@code Last-Modified} from moving backwards; {@code now} is the time of this change.
     */
    public RenderedFeed render(LoadedFeed feed, RenderedFeed previous, Instant now) {
        return render(feed, previous, Map.of(), now);
    }

    /** How long a deleted entry's tombstone is published. */
    public Duration tombstoneLife() {
        return tombstoneLife;
    }

    /**
     * Renders {@code feed}, keeping {@code Last-Modified} from moving backwards from
     * {@code previous}, the same feed as rendered before, or, when there is none (after a
     * restart), from {@code served}, the validators its documents were last served with. A
     * document whose bytes equal what was served keeps its time; one whose bytes changed without
     * a later content date (an article deleted or backdated) changed {@code now}.
     */
    public RenderedFeed render(LoadedFeed feed, RenderedFeed previous, Map<FeedFormat, Validators> served, Instant now) {
        return render(feed, previous, served, previous == null ? FeedHistory.NONE : previous.history(), now, Runnable::run);
    }

    /**
     * Renders {@code feed} as {@link #render(LoadedFeed, RenderedFeed, Map, Instant)} does, after
     * {@code history} (its archive pages and tombstones so far), its formats side by side on
     * {@code formats}: one feed changed while serving has every core to itself, where a whole
     * load rather renders feeds side by side.
     */
    public RenderedFeed render(LoadedFeed feed, RenderedFeed previous, Map<FeedFormat, Validators> served, FeedHistory history,
            Instant now, Executor formats) {
        return render(feed, previous, served, history, now, formats, after -> Map.of());
    }

    /**
     * Renders {@code feed} as {@link #render(LoadedFeed, RenderedFeed, Map, FeedHistory, Instant, Executor)}
     * does, but takes the documents {@code kept} finds for the history the feed then has as they
     * are, instead of rendering them again: documents kept from a render of the same sources,
     * history and code ({@link RenderCache}).
     */
    public RenderedFeed render(LoadedFeed feed, RenderedFeed previous, Map<FeedFormat, Validators> served, FeedHistory history,
            Instant now, Executor formats, Function<FeedHistory, Map<FeedFormat, Representation>> kept) {
        FeedEntries all = assembler.all(feed.definition(), feed.posts(), feed.fileSizes());
        Archives.Plan plan = Archives.plan(all.entries(), feed.definition().limit(), history, tombstoneLife, now);
        FeedSnapshot snapshot = all.snapshot(plan.current(), Paging.current(plan.pages().size()), plan.pages(), plan.tombstones());
        Map<FeedFormat, Representation> ready = kept.apply(plan.history());
        Map<FeedFormat, CompletableFuture<Representation>> rendering = new EnumMap<>(FeedFormat.class);
        for (FeedRenderer renderer : renderers) {
            FeedFormat format = renderer.format();
            Representation found = ready.get(format);
            rendering.put(format, found != null ? CompletableFuture.completedFuture(kept(snapshot.id(), found).withLastModified(snapshot.updated()))
                    : CompletableFuture.supplyAsync(() -> Representation.of(renderer.render(snapshot), format.contentType(), snapshot.updated(),
                            gzipLevel, bodies == null ? BodyKeeper.IN_MEMORY : bodies.keeper(snapshot.id())), formats));
        }
        Map<FeedFormat, Representation> rendered = new EnumMap<>(FeedFormat.class);
        rendering.forEach((format, r) -> rendered.put(format, join(r)));
        Map<FeedFormat, Representation> documents = ServedTimes.servable(rendered, previous, served, now);
        Versions.Version version = Versions.Version.of(FeedChange.validators(documents), plan.current(), now);
        Versions versions = previous == null ? Versions.first(version)
                : version.validators().equals(previous.versions().current().validators()) ? previous.versions()
                : previous.versions().then(version, versionsKept);
        return new RenderedFeed(snapshot, documents, files(feed, previous, snapshot.updated(), now), plan.history(), versions);
    }

    /** {@code r}, kept from before, with its identity body in a file if it is not in one yet (its write failed then). */
    private Representation kept(String feedId, Representation r) {
        return bodies == null ? r : bodies.keep(feedId, r);
    }

    /** The renderer of {@code format}, with hub links. */
    FeedRenderer renderer(FeedFormat format) {
        return renderers.stream().filter(r -> r.format() == format).findFirst().orElseThrow();
    }

    /** The gzip level of documents. */
    int gzipLevel() {
        return gzipLevel;
    }

    /**
     * The feed folder's files, prepared for serving. One unchanged since {@code previous} is kept
     * as it was (never copied again); a changed one is last modified {@code now}; at a start, a
     * file is last modified when its feed's content last changed, never later than now.
     */
    private static Map<String, Representation> files(LoadedFeed feed, RenderedFeed previous, Instant updated, Instant now) {
        Map<String, Representation> files = new HashMap<>();
        feed.files().forEach((name, bytes) -> {
            Representation before = previous == null ? null : previous.files().get(name);
            if (before != null && before.etag().equals(Representation.entityTag(bytes))) {
                files.put(name, before);
                return;
            }
            Instant lastModified = before != null || updated.isAfter(now) ? now : updated;
            files.put(name, Representation.uncompressed(bytes, Media.typeOf(name).orElse("application/octet-stream"), lastModified));
        });
        return files;
    }

    /** The result of a render, its own failure rethrown as it was. */
    private static Representation join(CompletableFuture<Representation> rendering) {
        try {
            return rendering.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
