package dispatch.websub;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs an asynchronous attempt per key until it succeeds: at most one attempt per key at a time
 * (so a key never sees an older attempt finish after a newer one started), a bounded number in
 * flight over all keys, and failures retried with exponential back-off up to a number of
 * attempts, after which the key is given up on. Triggering a key that is running runs it once
 * more after; triggering one waiting for a retry gives it its full number of attempts again.
 *
 * @param <K> the key: a subscription, or a hub and topic
 */
final class KeyedRetries<K> {

    /** How an attempt ended. */
    enum Outcome {
        /** Succeeded, or found nothing to do. */
        DONE,
        /** Failed; try again later. */
        RETRY
    }

    /**
     * How keys are retried.
     *
     * @param concurrency the most attempts running at once
     * @param attempts how many attempts in a row may fail before a key is given up
     * @param firstDelay the wait before the first retry; each next one waits twice as long
     * @param maxDelay the longest wait
     */
    record Policy(int concurrency, int attempts, Duration firstDelay, Duration maxDelay) {
    }

    private final int concurrency;
    private final int attempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Function<K, CompletionStage<Outcome>> attempt;
    private final BiConsumer<K, Integer> giveUp;
    private final Map<K, Slot> slots = new HashMap<>();
    private final ArrayDeque<K> ready = new ArrayDeque<>();
    private int running;

    private static final class Slot {
        boolean queued;
        boolean running;
        boolean again;
        boolean waiting;
        int failures;
    }

    /**
     * Retries of {@code attempt} under {@code policy}, started on {@code executor}; a key that
     * failed every attempt is handed to {@code giveUp} with their count. The n-th retry waits
     * {@code firstDelay} × 2ⁿ⁻¹, at most {@code maxDelay}.
     */
    KeyedRetries(Policy policy, ScheduledExecutorService scheduler, Executor executor,
            Function<K, CompletionStage<Outcome>> attempt, BiConsumer<K, Integer> giveUp) {
        this.concurrency = policy.concurrency();
        this.attempts = policy.attempts();
        this.firstDelay = policy.firstDelay();
        this.maxDelay = policy.maxDelay();
        this.scheduler = scheduler;
        this.executor = executor;
        this.attempt = attempt;
        this.giveUp = giveUp;
    }

    /** Has {@code key} attempted (again) soon. */
    synchronized void trigger(K key) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        if (slot.running) {
            slot.again = true;
        } else if (slot.waiting) {
            slot.failures = 0;
        } else if (!slot.queued) {
            slot.queued = true;
            ready.add(key);
        }
        pump();
    }

    /** Has {@code key} attempted soon unless it is queued, running or waiting for a retry already; whether it was queued. */
    synchronized boolean offer(K key) {
        if (slots.containsKey(key)) {
            return false;
        }
        trigger(key);
        return true;
    }

    /** How many keys are queued, running or waiting for a retry. */
    synchronized int pending() {
        return slots.size();
    }

    /** How many attempts are running. */
    synchronized int running() {
        return running;
    }

    /** The wait before retry {@code n} (from 1). */
    Duration delay(int n) {
        long millis = firstDelay.toMillis() << Math.min(n - 1, 30);
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    private void pump() {
        while (running < concurrency && !ready.isEmpty()) {
            K key = ready.poll();
            Slot slot = slots.get(key);
            slot.queued = false;
            slot.running = true;
            slot.again = false;
            running++;
            try {
                executor.execute(() -> run(key));
            } catch (RejectedExecutionException e) {
                running--;
                slots.remove(key); // closing
            }
        }
    }

    private void run(K key) {
        CompletionStage<Outcome> outcome;
        try {
            outcome = attempt.apply(key);
        } catch (RuntimeException e) {
            finished(key, false);
            throw e;
        }
        outcome.whenComplete((o, e) -> finished(key, e == null && o == Outcome.DONE));
    }

    private void finished(K key, boolean ok) {
        Integer gaveUpAfter = null;
        synchronized (this) {
            running--;
            Slot slot = slots.get(key);
            slot.running = false;
            if (ok || slot.again) {
                slot.failures = 0;
                if (slot.again) {
                    slot.queued = true;
                    ready.add(key);
                } else {
                    slots.remove(key);
                }
            } else if (++slot.failures >= attempts) {
                gaveUpAfter = slot.failures;
                slots.remove(key);
            } else {
                slot.waiting = true;
                try {
                    scheduler.schedule(() -> retry(key), delay(slot.failures).toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    slots.remove(key); // closing: what is owed is remembered elsewhere, or lost with the ping
                }
            }
            pump();
        }
        if (gaveUpAfter != null) {
            giveUp.accept(key, gaveUpAfter);
        }
    }

    private synchronized void retry(K key) {
        Slot slot = slots.get(key);
        if (slot != null && slot.waiting) {
            slot.waiting = false;
            slot.queued = true;
            ready.add(key);
            pump();
        }
    }
}
