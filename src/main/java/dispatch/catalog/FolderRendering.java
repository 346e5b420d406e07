package dispatch.catalog;

import dispatch.feed.FeedFormat;
import dispatch.feed.FeedHistory;
import dispatch.feed.Representation;
import dispatch.source.FeedLoader;
import dispatch.source.LoadedFeed;
import dispatch.source.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Renders one feed folder as it is now: reads it, keeps the last good version of an article that
 * no longer parses, renders it with the validators and history kept in the data folder (or takes
 * the documents kept from an earlier render of the same sources), and keeps what it made. The
 * time of the change is the feed's {@link ChangeTimes}.
 */
final class FolderRendering {

    private static final Logger LOG = Logger.getLogger(FolderRendering.class);

    private final FeedLoader loader;
    private final FeedRendering rendering;
    private final ValidatorStore validators;
    private final HistoryStore histories;
    private final KeptRenders kept;
    private final ChangeTimes times;
    private final List<BiConsumer<String, Duration>> renderListeners;

    FolderRendering(FeedLoader loader, FeedRendering rendering, ValidatorStore validators, HistoryStore histories, KeptRenders kept,
            ChangeTimes times, List<BiConsumer<String, Duration>> renderListeners) {
        this.loader = loader;
        this.rendering = rendering;
        this.validators = validators;
        this.histories = histories;
        this.kept = kept;
        this.times = times;
        this.renderListeners = renderListeners;
    }

    /**
     * The feed in folder {@code dir} (null when it is not one, reported in {@code problems}),
     * rendered after {@code previous} (or, when null, after what the data folder keeps), its
     * formats side by side on {@code formats}; {@code previous} when rendering fails.
     */
    RenderedFeed render(Path dir, RenderedFeed previous, List<Problem> problems, Executor formats) {
        KeptRenders.Sources sources = kept == null ? null : kept.digest(dir);
        List<Problem> found = new ArrayList<>();
        LoadedFeed feed = loader.loadFolder(dir, found::add);
        if (feed != null && previous != null) {
            feed = LastGoodArticles.kept(feed, previous, found);
        }
        problems.addAll(found);
        if (feed == null) {
            if (kept != null) {
                kept.cool(dir.getFileName().toString()); // not a feed now: nothing kept of it is served
            }
            return null;
        }
        try {
            String id = feed.definition().id();
            long start = System.nanoTime();
            boolean[] reused = {false};
            Instant now = times.of(id);
            Function<FeedHistory, Map<FeedFormat, Representation>> keptDocuments = after -> {
                Map<FeedFormat, Representation> documents = kept == null ? Map.of() : kept.find(id, sources, after, now);
                reused[0] = !documents.isEmpty();
                return documents;
            };
            // shared validators and history (a cluster) are read afresh: another replica may have moved them
            RenderedFeed rendered = previous == null || validators.shared()
                    ? rendering.render(feed, previous, validators.load(id), histories.load(id), now, formats, keptDocuments)
                    : rendering.render(feed, previous, Map.of(), previous.history(), now, formats, keptDocuments);
            if (validators.shared()) {
                rendered = rendered.withFilesChangedAt(now); // a file's own time would depend on the versions this replica saw
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            renderListeners.forEach(l -> l.accept(id, took));
            validators.save(id, FeedChange.validators(rendered));
            histories.save(id, rendered.history());
            if (kept != null) {
                kept.keep(id, sources, rendered, reused[0], now);
            }
            return rendered;
        } catch (RuntimeException | StackOverflowError e) {
            Problem problem = new Problem(loader.relative(dir), "cannot be rendered: " + e);
            LOG.errorf(e, "Not publishing %s%s", problem.fileName(), previous == null ? "" : " (serving its last good state)");
            problems.add(problem);
            return previous;
        }
    }
}
