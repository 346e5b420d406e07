package dispatch.websub;

import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Tells public hubs of each change: a {@code hub.mode=publish} ping per hub and changed topic,
 * naming the topic as both {@code hub.url} (which Google's hub reads) and {@code hub.topic}
 * (which Switchboard reads). Pings run in the background, never delaying publishing; a failed
 * one is logged, counted and retried with back-off, a few times.
 */
final class HubPinger {

    private static final Logger LOG = Logger.getLogger(HubPinger.class);
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    private record Ping(String hub, String topic) {
    }

    private final List<String> hubs;
    private final Outbound outbound;
    private final KeyedRetries<Ping> retries;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Pings of {@code hubs} over {@code outbound}, retried under {@code policy}. */
    HubPinger(List<String> hubs, Outbound outbound, KeyedRetries.Policy policy, ScheduledExecutorService scheduler, Executor executor) {
        this.hubs = List.copyOf(hubs);
        this.outbound = outbound;
        this.retries = new KeyedRetries<>(policy, scheduler, executor, this::attempt, this::giveUp);
    }

    /** Tells every hub that {@code topic} changed. */
    void changed(String topic) {
        for (String hub : hubs) {
            retries.trigger(new Ping(hub, topic));
        }
    }

    private CompletionStage<KeyedRetries.Outcome> attempt(Ping ping) {
        String topic = URLEncoder.encode(ping.topic, StandardCharsets.UTF_8);
        Buffer body = Buffer.buffer("hub.mode=publish&hub.url=" + topic + "&hub.topic=" + topic);
        return outbound.post(ping.hub, FORM, body, true).thenApply(answer -> {
            if (answer.ok()) {
                sent.incrementAndGet();
                return KeyedRetries.Outcome.DONE;
            }
            failed.incrementAndGet();
            LOG.warnf("Hub %s refused the ping about %s (%s); retrying later", ping.hub, ping.topic, answer.describe());
            return KeyedRetries.Outcome.RETRY;
        });
    }

    private void giveUp(Ping ping, int attempts) {
        LOG.errorf("Gave up pinging hub %s about %s after %d attempts", ping.hub, ping.topic, attempts);
    }

    /** Pings a hub accepted. */
    long sent() {
        return sent.get();
    }

    /** Pings that failed (each attempt counts). */
    long failed() {
        return failed.get();
    }
}
