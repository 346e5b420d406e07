package dispatch.web;

import dispatch.stats.Hit;
import dispatch.stats.SubscriberStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters of one kind of document of one feed (its RSS, its pages, ...), created once and
 * kept with each prepared {@link Served}, so that answering a request only adds to them: requests
 * by encoding and status (200 or 304), and body bytes sent by encoding.
 */
final class ServedMeters {

    final Counter ok;
    final Counter okGzip;
    final Counter notModified;
    final Counter notModifiedGzip;
    final Counter bytes;
    final Counter bytesGzip;
    /** The feed the subscriber statistics count these documents under; null when they are not counted. */
    final String statsFeed;
    final SubscriberStats stats;

    ServedMeters(MeterRegistry registry, String feed, String format) {
        this(registry, feed, format, null);
    }

    /** Counters of a feed document, whose requests {@code stats} (or null) also counts. */
    ServedMeters(MeterRegistry registry, String feed, String format, SubscriberStats stats) {
        this.stats = stats;
        this.statsFeed = stats == null ? null : feed;
        this.ok = requests(registry, feed, format, "identity", "200");
        this.okGzip = requests(registry, feed, format, "gzip", "200");
        this.notModified = requests(registry, feed, format, "identity", "304");
        this.notModifiedGzip = requests(registry, feed, format, "gzip", "304");
        this.bytes = bytes(registry, feed, format, "identity");
        this.bytesGzip = bytes(registry, feed, format, "gzip");
    }

    /** Counts one answer: {@code length} body bytes (none for a 304 or HEAD). */
    void count(boolean gzip, boolean wasNotModified, long length) {
        if (wasNotModified) {
            (gzip ? notModifiedGzip : notModified).increment();
        } else {
            (gzip ? okGzip : ok).increment();
            if (length > 0) {
                (gzip ? bytesGzip : bytes).increment(length);
            }
        }
    }

    /** Hands one answer to the subscriber statistics, if they count this document. */
    void hit(String address, String userAgent, boolean conditional, boolean gzip, boolean wasNotModified, long sent, long saved) {
        if (stats != null) {
            stats.record(new Hit(statsFeed, address, userAgent, conditional, gzip, wasNotModified, sent, saved, System.nanoTime()));
        }
    }

    /** Requests answered 304, and in all, for the share of 304s. */
    double notModifiedCount() {
        return notModified.count() + notModifiedGzip.count();
    }

    double count() {
        return ok.count() + okGzip.count() + notModifiedCount();
    }

    static Counter requests(MeterRegistry registry, String feed, String format, String encoding, String status) {
        return Counter.builder("dispatch.requests").description("Requests answered, by feed, format, encoding and status")
                .tags("feed", feed, "format", format, "encoding", encoding, "status", status).register(registry);
    }

    private static Counter bytes(MeterRegistry registry, String feed, String format, String encoding) {
        return Counter.builder("dispatch.response.bytes").description("Body bytes sent, by feed, format and encoding").baseUnit("bytes")
                .tags("feed", feed, "format", format, "encoding", encoding).register(registry);
    }
}
