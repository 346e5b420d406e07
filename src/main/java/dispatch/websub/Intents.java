package dispatch.websub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Intents to subscribe or unsubscribe, accepted and then verified in the background: one
 * verification at a time per subscription, in the order they were asked for, at most
 * {@link #MAX_PENDING} waiting in all (so nobody can queue up requests to third parties without
 * bound). A confirmed subscription is stored (or renewed); a confirmed unsubscription removed;
 * a subscription the hub has no more room for when it is confirmed is denied.
 */
final class Intents {

    /** The most verifications waiting or running at once. */
    static final int MAX_PENDING = 1_000;

    private static final Logger LOG = Logger.getLogger(Intents.class);

    private final IntentVerifier verifier;
    private final Subscriptions store;
    private final Topics topics;
    private final Executor executor;
    private final Clock clock;
    private final Map<String, CompletableFuture<Void>> running = new HashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong notVerified = new AtomicLong();

    Intents(IntentVerifier verifier, Subscriptions store, Topics topics, Executor executor, Clock clock) {
        this.verifier = verifier;
        this.store = store;
        this.topics = topics;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Verifies {@code intent}, granting {@code lease} seconds to a subscription, after any
     * verification of the same subscription still running, then acts on the answer.
     *
     * @throws HubProblem (503) if too many verifications are waiting
     */
    void accept(HubRequest.Intent intent, long lease) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            throw new HubProblem(503, "busy", "The hub is verifying " + MAX_PENDING + " requests already; try again in a moment.");
        }
        String key = Subscription.key(intent.topic(), intent.callback());
        synchronized (running) {
            CompletableFuture<Void> before = running.getOrDefault(key, CompletableFuture.completedFuture(null));
            CompletableFuture<Void> next = before
                    .thenComposeAsync(v -> verifier.confirms(intent, lease), executor)
                    .thenAcceptAsync(verdict -> act(intent, lease, verdict), executor) // off the event loop: the store may be a database
                    .exceptionally(e -> {
                        LOG.errorf(e, "Verifying %s of %s to %s failed", intent.mode(), intent.callback(), intent.topic());
                        return null;
                    });
            running.put(key, next);
            next.whenComplete((v, e) -> {
                pending.decrementAndGet();
                synchronized (running) {
                    running.remove(key, next);
                }
            });
        }
    }

    /** Intents confirmed by their callback. */
    long verified() {
        return verified.get();
    }

    /** Intents their callback did not confirm. */
    long notVerified() {
        return notVerified.get();
    }

    private void act(HubRequest.Intent intent, long lease, IntentVerifier.Verdict verdict) {
        if (!verdict.confirmed()) {
            notVerified.incrementAndGet();
            LOG.infof("Not verified: %s of %s to %s (the callback answered %s)", intent.mode(), intent.callback(), intent.topic(),
                    verdict.answer());
            return;
        }
        verified.incrementAndGet();
        String key = Subscription.key(intent.topic(), intent.callback());
        if (!intent.subscribe()) {
            store.remove(key);
            LOG.infof("Unsubscribed %s from %s", intent.callback(), intent.topic());
            return;
        }
        String delivered = store.get(key).map(Subscription::delivered)
                .or(() -> topics.currentEtag(intent.topic())).orElse("");
        Instant expires = clock.instant().plus(Duration.ofSeconds(lease));
        if (store.put(new Subscription(intent.topic(), intent.callback(), intent.secret(), expires, delivered))) {
            LOG.infof("Subscribed %s to %s for %d s", intent.callback(), intent.topic(), lease);
        } else {
            LOG.infof("Denied %s the subscription to %s: the hub is full", intent.callback(), intent.topic());
            verifier.deny(intent.callback(), intent.topic(), "The hub holds its most subscriptions.");
        }
    }
}
