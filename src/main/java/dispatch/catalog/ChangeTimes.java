package dispatch.catalog;

import java.time.Clock;
import java.time.Instant;

/**
 * When each feed's content last changed, as its render takes it: this node's clock on one node,
 * the commit time stored in the database in a cluster, so that every replica serves the same
 * {@code Last-Modified}.
 */
@FunctionalInterface
public interface ChangeTimes {

    /** When feed {@code id}'s content last changed. */
    Instant of(String id);

    /** Now, by {@code clock}: a change is seen as it happens. */
    static ChangeTimes of(Clock clock) {
        return id -> clock.instant();
    }
}
