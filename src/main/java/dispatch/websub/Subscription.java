package dispatch.websub;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An active subscription: a callback that asked for a topic and confirmed it, until its lease
 * ends. It remembers the ETag of the last version delivered (or given up on), so that what is
 * still to deliver survives a restart: a subscription whose topic is served with another ETag is
 * owed the current document.
 *
 * @param topic the feed document's URL
 * @param callback the subscriber's callback URL
 * @param secret the HMAC key deliveries are signed with, if the subscriber gave one
 * @param expires when the lease ends
 * @param delivered the ETag of the last version delivered or given up on
 */
record Subscription(String topic, String callback, Optional<String> secret, Instant expires, String delivered) {

    /** The key a subscription is known by: one per topic and callback. */
    String key() {
        return key(topic, callback);
    }

    /** The key of the subscription of {@code callback} to {@code topic}. */
    static String key(String topic, String callback) {
        return topic + " " + callback;
    }

    /** The callback's host, which a cap on subscriptions counts by. */
    String host() {
        return hostOf(callback);
    }

    /** The host of {@code url}, lower case; the whole URL when it has none. */
    static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? url : host.toLowerCase(Locale.ROOT);
    }

    /** Whether the lease has ended at {@code now}. */
    boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** This subscription with version {@code etag} delivered. */
    Subscription deliveredVersion(String etag) {
        return new Subscription(topic, callback, secret, expires, etag);
    }
}
