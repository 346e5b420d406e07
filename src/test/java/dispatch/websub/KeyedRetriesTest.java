package dispatch.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One attempt per key at a time, coalesced triggers, back-off, giving up, and the bound on attempts in flight. */
class KeyedRetriesTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    private KeyedRetries<String> retries(int concurrency, int attempts, Function<String, CompletableFuture<KeyedRetries.Outcome>> attempt,
            Map<String, Integer> gaveUp) {
        return new KeyedRetries<>(new KeyedRetries.Policy(concurrency, attempts, Duration.ofMillis(50), Duration.ofMillis(400)),
                scheduler, executor, attempt::apply, gaveUp::put);
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(done.getAsBoolean(), "in time");
    }

    @Test
    void triggersWhileAnAttemptRunsMakeOneMoreAttemptAfterIt() throws Exception {
        List<CompletableFuture<KeyedRetries.Outcome>> running = new CopyOnWriteArrayList<>();
        KeyedRetries<String> r = retries(8, 3, key -> {
            CompletableFuture<KeyedRetries.Outcome> f = new CompletableFuture<>();
            running.add(f);
            return f;
        }, new ConcurrentHashMap<>());
        r.trigger("a");
        await(() -> running.size() == 1);
        r.trigger("a");
        r.trigger("a");
        r.trigger("a");
        Thread.sleep(100);
        assertEquals(1, running.size(), "never two attempts of one key at once");
        running.get(0).complete(KeyedRetries.Outcome.DONE);
        await(() -> running.size() == 2);
        running.get(1).complete(KeyedRetries.Outcome.DONE);
        Thread.sleep(100);
        assertEquals(2, running.size(), "the triggers during the first attempt made one more, not three");
        await(() -> r.pending() == 0);
    }

    @Test
    void failuresAreRetriedWithGrowingWaitsThenGivenUp() throws Exception {
        List<Long> times = new CopyOnWriteArrayList<>();
        Map<String, Integer> gaveUp = new ConcurrentHashMap<>();
        KeyedRetries<String> r = retries(8, 4, key -> {
            times.add(System.nanoTime());
            return CompletableFuture.completedFuture(KeyedRetries.Outcome.RETRY);
        }, gaveUp);
        r.trigger("k");
        await(() -> gaveUp.containsKey("k"));
        assertEquals(4, times.size(), "every attempt made, no more");
        assertEquals(4, gaveUp.get("k"));
        for (int i = 1; i < times.size(); i++) {
            long waited = Duration.ofNanos(times.get(i) - times.get(i - 1)).toMillis();
            assertTrue(waited >= r.delay(i).toMillis() - 5, "retry " + i + " waited " + waited + " ms, at least " + r.delay(i));
        }
        assertEquals(Duration.ofMillis(50), r.delay(1));
        assertEquals(Duration.ofMillis(100), r.delay(2));
        assertEquals(Duration.ofMillis(400), r.delay(4));
        assertEquals(Duration.ofMillis(400), r.delay(40), "capped, however many");
        assertEquals(0, r.pending());
    }

    @Test
    void aRetrySucceedsAndTheKeyIsForgotten() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Map<String, Integer> gaveUp = new ConcurrentHashMap<>();
        KeyedRetries<String> r = retries(8, 5, key -> CompletableFuture.completedFuture(
                calls.incrementAndGet() < 3 ? KeyedRetries.Outcome.RETRY : KeyedRetries.Outcome.DONE), gaveUp);
        r.trigger("k");
        await(() -> calls.get() == 3 && r.pending() == 0);
        assertTrue(gaveUp.isEmpty());
    }

    @Test
    void attemptsInFlightStayWithinTheBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        KeyedRetries<String> r = retries(3, 1, key -> CompletableFuture.supplyAsync(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            done.incrementAndGet();
            return KeyedRetries.Outcome.DONE;
        }, executor), new ConcurrentHashMap<>());
        for (int i = 0; i < 30; i++) {
            r.trigger("key-" + i);
        }
        await(() -> done.get() == 30);
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
    }

    @Test
    void anAttemptThatThrowsCountsAsAFailure() throws Exception {
        Map<String, Integer> gaveUp = new ConcurrentHashMap<>();
        KeyedRetries<String> r = retries(2, 2, key -> {
            throw new IllegalStateException("broken");
        }, gaveUp);
        r.trigger("k");
        await(() -> gaveUp.containsKey("k"));
    }
}
