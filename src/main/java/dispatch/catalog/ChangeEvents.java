package dispatch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The listeners of a catalog's changes, told on the thread that made each change; a thread may
 * hold its changes back until the work that made them is lasting (a cluster's transaction).
 */
final class ChangeEvents {

    private static final Logger LOG = Logger.getLogger(ChangeEvents.class);

    private final List<Consumer<FeedChange>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<FeedChange>> held = new ThreadLocal<>();

    /** Adds {@code listener}. */
    void add(Consumer<FeedChange> listener) {
        listeners.add(listener);
    }

    /** Tells every listener of {@code change}, unless this thread holds its changes back. */
    void tell(FeedChange change) {
        List<FeedChange> holding = held.get();
        if (holding != null) {
            holding.add(change);
            return;
        }
        for (Consumer<FeedChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.errorf(e, "A listener failed on the change of feed %s", change.feedId());
            }
        }
    }

    /** Holds back the changes this thread makes until {@link #release}. */
    void hold() {
        held.set(new ArrayList<>());
    }

    /** Ends holding back: tells the changes held when {@code tell}, drops them otherwise (the work was undone). */
    void release(boolean tell) {
        List<FeedChange> holding = held.get();
        held.remove();
        if (tell && holding != null) {
            holding.forEach(this::tell);
        }
    }
}
