package dispatch.websub;

import dispatch.feed.Representation;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Content distribution: when a topic changes, POSTs its new document to every subscriber, with
 * its {@code Content-Type}, the {@code Link} headers (self first, then the hubs) and, for a
 * subscription with a secret, {@code X-Hub-Signature}. Each subscription gets the document served
 * at the time of the attempt, one attempt at a time, so it never receives an older version after
 * a newer one; a version it already has is not sent again. A 2xx delivers; anything else is
 * retried with back-off, then given up (the subscription stays). Deliveries in flight are bounded.
 */
final class Distributor {

    private static final Logger LOG = Logger.getLogger(Distributor.class);

    private final Subscriptions store;
    private final Predicate<String> current;
    private final Topics topics;
    private final Outbound outbound;
    private final Signatures signatures;
    private final Clock clock;
    private final KeyedRetries<String> retries;
    private final Executor executor;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Distribution of {@code topics} to {@code store}'s subscribers over {@code outbound}, retried
     * under {@code policy} on {@code scheduler}, each attempt prepared on {@code executor}; a feed
     * is delivered only while {@code current} says this node serves its newest version (in a
     * cluster, a replica behind leaves it to one that is not).
     */
    Distributor(Subscriptions store, Predicate<String> current, Topics topics, Outbound outbound, Signatures signatures,
            KeyedRetries.Policy policy, ScheduledExecutorService scheduler, Executor executor, Clock clock) {
        this.store = store;
        this.current = current;
        this.topics = topics;
        this.outbound = outbound;
        this.signatures = signatures;
        this.clock = clock;
        this.executor = executor;
        this.retries = new KeyedRetries<>(policy, scheduler, executor, this::attempt, this::giveUp);
    }

    /** Offers {@code topic}'s current document to each of its subscribers. */
    void changed(Topics.Topic topic) {
        for (Subscription s : store.of(topic.url())) {
            retries.trigger(s.key());
        }
    }

    /**
     * Offers each subscriber whatever it has not had yet: after a restart, the deliveries still
     * owed; in a cluster, also those another replica claimed and could not finish. A delivery
     * already queued or waiting for its retry keeps its back-off.
     */
    void catchUp() {
        int owed = 0;
        for (Subscription s : store.all()) {
            Optional<String> etag = topics.currentEtag(s.topic());
            if (etag.isPresent() && !etag.get().equals(s.delivered()) && retries.offer(s.key())) {
                owed++;
            }
        }
        if (owed > 0) {
            LOG.infof("The hub owes %d subscribers the current version of their topic; delivering", owed);
        }
    }

    /** One delivery to the subscription under {@code key}. */
    private CompletionStage<KeyedRetries.Outcome> attempt(String key) {
        Optional<Subscription> found = store.get(key).filter(s -> !s.expiredAt(clock.instant()));
        Optional<Topics.Topic> topic = found.flatMap(s -> topics.find(s.topic()));
        Optional<Representation> doc = topic.flatMap(topics::current);
        if (doc.isEmpty() || doc.get().etag().equals(found.get().delivered()) || !current.test(topic.get().feedId())
                || !store.claim(key, doc.get().etag())) {
            return CompletableFuture.completedFuture(KeyedRetries.Outcome.DONE);
        }
        Subscription s = found.get();
        Representation r = doc.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", r.contentType());
        headers.put("Link", topics.linkHeader(topic.get()));
        ByteBuffer body;
        try {
            body = r.body(); // read once: it may come from a file
        } catch (UncheckedIOException e) { // the file went with a newer version: that one is delivered next
            store.release(key);
            LOG.infof("Delivery of %s to %s postponed: %s", s.topic(), s.callback(), e.getMessage());
            return CompletableFuture.completedFuture(KeyedRetries.Outcome.RETRY);
        }
        s.secret().ifPresent(secret -> headers.put("X-Hub-Signature", signatures.sign(secret, body.duplicate())));
        // the answer is handled off the event loop: the store may be a database
        return outbound.post(s.callback(), headers, wrap(body), false).thenApplyAsync(answer -> {
            if (answer.ok()) {
                delivered.incrementAndGet();
                store.delivered(key, r.etag(), true);
                return KeyedRetries.Outcome.DONE;
            }
            store.release(key);
            failed.incrementAndGet();
            LOG.infof("Delivery of %s to %s failed (%s); retrying later", s.topic(), s.callback(), answer.describe());
            return KeyedRetries.Outcome.RETRY;
        }, executor);
    }

    /** Gives up the version owed to the subscription under {@code key}; the subscription stays. */
    private void giveUp(String key, int attempts) {
        dropped.incrementAndGet();
        store.get(key).ifPresent(s -> {
            String etag = topics.currentEtag(s.topic()).orElse(s.delivered());
            store.delivered(key, etag, false);
            LOG.warnf("Gave up delivering %s to %s after %d attempts; the subscription stays", s.topic(), s.callback(), attempts);
        });
    }

    /** Deliveries made. */
    long delivered() {
        return delivered.get();
    }

    /** Attempts that failed. */
    long failed() {
        return failed.get();
    }

    /** Versions given up on after every attempt failed. */
    long dropped() {
        return dropped.get();
    }

    /** Subscriptions with a delivery queued, running or waiting to be retried. */
    int pending() {
        return retries.pending();
    }

    /** A document's identity body as a Vert.x buffer, without copying it. */
    @SuppressWarnings("deprecation") // Vert.x 4.5 offers no other way to wrap a ByteBuf
    private static Buffer wrap(ByteBuffer body) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body)));
    }
}
