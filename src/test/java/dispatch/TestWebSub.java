package dispatch;

import dispatch.config.DispatchConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DispatchConfig.WebSub} for tests that build the hub without Quarkus: the documented
 * defaults, except where a {@code with} method changes one.
 */
public record TestWebSub(boolean enabled, Optional<List<String>> hubs, Optional<List<String>> allowedCallbacks,
        Duration defaultLease, Duration minLease, Duration maxLease, String signatureAlgorithm, int maxSubscriptions,
        int maxSubscriptionsPerHost, int deliveryConcurrency, int deliveryAttempts, Duration retryDelay, Duration maxRetryDelay,
        Duration connectTimeout, Duration requestTimeout, int pingAttempts) implements DispatchConfig.WebSub {

    /** The defaults of {@code DispatchConfig.WebSub}. */
    public static TestWebSub defaults() {
        return new TestWebSub(true, Optional.empty(), Optional.empty(), Duration.ofDays(10), Duration.ofMinutes(5),
                Duration.ofDays(30), "sha256", 100_000, 10_000, 64, 8, Duration.ofSeconds(10), Duration.ofHours(1),
                Duration.ofSeconds(5), Duration.ofSeconds(15), 5);
    }

    /** These settings, with callbacks on loopback allowed and fast retries, for tests against local receivers. */
    public static TestWebSub onLoopback() {
        return defaults().withAllowed("127.0.0.0/8").withRetries(3, Duration.ofMillis(100));
    }

    /** With the hub {@code enabled} or not. */
    public TestWebSub withEnabled(boolean on) {
        return new TestWebSub(on, hubs, allowedCallbacks, defaultLease, minLease, maxLease, signatureAlgorithm, maxSubscriptions,
                maxSubscriptionsPerHost, deliveryConcurrency, deliveryAttempts, retryDelay, maxRetryDelay, connectTimeout,
                requestTimeout, pingAttempts);
    }

    /** With callbacks in {@code ranges} allowed. */
    public TestWebSub withAllowed(String... ranges) {
        return new TestWebSub(enabled, hubs, Optional.of(List.of(ranges)), defaultLease, minLease, maxLease, signatureAlgorithm,
                maxSubscriptions, maxSubscriptionsPerHost, deliveryConcurrency, deliveryAttempts, retryDelay, maxRetryDelay,
                connectTimeout, requestTimeout, pingAttempts);
    }

    /** With {@code attempts} per delivery, the first retry after {@code delay}. */
    public TestWebSub withRetries(int attempts, Duration delay) {
        return new TestWebSub(enabled, hubs, allowedCallbacks, defaultLease, minLease, maxLease, signatureAlgorithm, maxSubscriptions,
                maxSubscriptionsPerHost, deliveryConcurrency, attempts, delay, delay.multipliedBy(8), connectTimeout, requestTimeout,
                attempts);
    }

    /** With leases between {@code min} and {@code max}. */
    public TestWebSub withLeases(Duration min, Duration max) {
        return new TestWebSub(enabled, hubs, allowedCallbacks, defaultLease, min, max, signatureAlgorithm, maxSubscriptions,
                maxSubscriptionsPerHost, deliveryConcurrency, deliveryAttempts, retryDelay, maxRetryDelay, connectTimeout,
                requestTimeout, pingAttempts);
    }

    /** With at most {@code total} subscriptions, {@code perHost} per callback host. */
    public TestWebSub withCaps(int total, int perHost) {
        return new TestWebSub(enabled, hubs, allowedCallbacks, defaultLease, minLease, maxLease, signatureAlgorithm, total, perHost,
                deliveryConcurrency, deliveryAttempts, retryDelay, maxRetryDelay, connectTimeout, requestTimeout, pingAttempts);
    }
}
