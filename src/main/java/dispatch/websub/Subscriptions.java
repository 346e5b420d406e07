package dispatch.websub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hub's subscriptions, capped in total and per callback host: in this node's data folder
 * ({@link SubscriptionStore}), or in the database every replica of a cluster shares
 * ({@link SharedSubscriptions}), where a delivery to a subscription is claimed by one replica.
 */
interface Subscriptions {

    /** Reads the subscriptions kept, dropping those whose lease ended at {@code now}. */
    void load(Instant now);

    /** Why a new subscription of {@code callback} to {@code topic} would pass a cap, or empty when it may be added. */
    Optional<String> refuse(String topic, String callback);

    /** Adds {@code s}, or renews the subscription it replaces; false when a cap leaves no room for it. */
    boolean put(Subscription s);

    /** Removes the subscription under {@code key}, if there is one. */
    Optional<Subscription> remove(String key);

    /** The subscription under {@code key}. */
    Optional<Subscription> get(String key);

    /** The subscriptions to {@code topic}. */
    List<Subscription> of(String topic);

    /** Every subscription. */
    List<Subscription> all();

    /** How many subscriptions there are. */
    int size();

    /**
     * Claims the delivery of version {@code etag} to the subscription under {@code key} for this
     * hub: false when it has that version already, or another replica is delivering to it.
     */
    boolean claim(String key, String etag);

    /** Remembers that the subscription under {@code key} was sent (or given up on) version {@code etag}, ending the claim. */
    void delivered(String key, String etag, boolean sent);

    /** Ends this hub's claim on the subscription under {@code key} without a delivery: it failed, and is retried. */
    void release(String key);

    /** Whether this hub pings the public hubs about version {@code etag} of {@code topic}: once per version in a cluster. */
    boolean firstToPing(String topic, String etag);

    /** Removes every subscription whose lease ended at {@code now}; how many. */
    int removeExpired(Instant now);

    /** Whether other replicas share these subscriptions. */
    boolean shared();

    /** Writes what has changed now. */
    void flush();
}
