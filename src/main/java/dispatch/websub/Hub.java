package dispatch.websub;

import dispatch.catalog.Catalog;
import dispatch.catalog.FeedChange;
import dispatch.config.DispatchConfig;
import dispatch.feed.Links;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Dispatch's WebSub hub (W3C Recommendation, §5–§7) over the feeds it serves: takes
 * subscriptions and publish pings, verifies intent, keeps leases, distributes each change to the
 * subscribers of its topics, and pings the configured public hubs. Requests are answered at once
 * (202, 204 or a problem); everything that calls out runs in the background. With
 * {@code dispatch.websub.enabled} false, it only pings the public hubs.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Hub.class);

    /** What the hub has done since it started, and holds now. */
    public record Stats(int subscriptions, int pendingDeliveries, long delivered, long failedDeliveries, long droppedDeliveries,
            long verified, long notVerified, long pingsSent, long failedPings) {
    }

    private final DispatchConfig.WebSub config;
    private final BooleanSupplier loaded;
    private final Consumer<String> refresh;
    private final Clock clock;
    private final Topics topics;
    private final CallbackPolicy policy;
    private final Subscriptions store;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final ExecutorService resolver;
    private final Outbound outbound;
    private final Intents intents;
    private final Distributor distributor;
    private final HubPinger pinger;

    /**
     * A hub for the feeds of {@code catalog}, named with {@code links}, keeping its subscriptions
     * in {@code dataDir}. {@code loaded} tells whether the first load of the feeds is over;
     * {@code refresh} reads a feed again when a publisher pings about it.
     */
    public Hub(DispatchConfig.WebSub config, Links links, Supplier<Catalog> catalog, BooleanSupplier loaded,
            Consumer<String> refresh, Path dataDir, Vertx vertx, Clock clock) {
        this(config, links, catalog, loaded, refresh, dataDir, null, id -> true, vertx, clock);
    }

    /**
     * A hub as {@link #Hub(DispatchConfig.WebSub, Links, Supplier, BooleanSupplier, Consumer, Path, Vertx, Clock)}
     * makes it, but, given a {@code shared} database (a cluster), keeping its subscriptions there,
     * shared with every replica, and delivering a feed only while {@code current} says this
     * replica serves its newest version.
     */
    public Hub(DispatchConfig.WebSub config, Links links, Supplier<Catalog> catalog, BooleanSupplier loaded,
            Consumer<String> refresh, Path dataDir, DataSource shared, Predicate<String> current, Vertx vertx, Clock clock) {
        this.config = config;
        this.loaded = loaded;
        this.refresh = refresh;
        this.clock = clock;
        this.topics = new Topics(links, catalog);
        this.policy = new CallbackPolicy(config.allowedCallbacks().orElse(List.of()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("dispatch-websub-timer"));
        this.workers = Executors.newFixedThreadPool(2, daemon("dispatch-websub"));
        this.resolver = Executors.newFixedThreadPool(8, daemon("dispatch-websub-resolver"));
        this.store = shared == null ? new SubscriptionStore(dataDir, config.maxSubscriptions(), config.maxSubscriptionsPerHost(), scheduler)
                : new SharedSubscriptions(shared, config.connectTimeout().plus(config.requestTimeout()).multipliedBy(2),
                        config.maxSubscriptions(), config.maxSubscriptionsPerHost());
        this.outbound = new Outbound(vertx, policy, resolver, config.connectTimeout(), config.requestTimeout(),
                config.deliveryConcurrency(), "Dispatch-WebSub/1.0 (+" + links.ownHub() + ")");
        this.intents = new Intents(new IntentVerifier(outbound), store, topics, workers, clock);
        KeyedRetries.Policy deliveries = new KeyedRetries.Policy(config.deliveryConcurrency(), config.deliveryAttempts(),
                config.retryDelay(), config.maxRetryDelay());
        this.distributor = new Distributor(store, current, topics, outbound, new Signatures(config.signatureAlgorithm()), deliveries,
                scheduler, workers, clock);
        KeyedRetries.Policy pings = new KeyedRetries.Policy(config.deliveryConcurrency(), config.pingAttempts(),
                config.retryDelay(), config.maxRetryDelay());
        this.pinger = new HubPinger(config.hubs().orElse(List.of()), outbound, pings, scheduler, workers);
    }

    /** Reads the subscriptions kept and starts ending expired leases; with the hub disabled, only pings run. */
    public void start() {
        if (!config.enabled()) {
            return;
        }
        store.load(clock.instant());
        long sweep = Math.min(60_000, Math.max(1_000, config.minLease().toMillis() / 2));
        scheduler.scheduleWithFixedDelay(this::endExpiredLeases, sweep, sweep, TimeUnit.MILLISECONDS);
        if (store.shared()) {
            // what another replica claimed and could not finish (it died), and what this one missed
            scheduler.scheduleWithFixedDelay(() -> workers.execute(distributor::catchUp), 10, 10, TimeUnit.SECONDS);
        }
    }

    /** Delivers what subscribers are still owed; called once the feeds are loaded after a start. */
    public void catchUp() {
        if (config.enabled()) {
            workers.execute(distributor::catchUp);
        }
    }

    /**
     * Answers a request to the hub, its form parameters given: 202 for a subscription or
     * unsubscription, whose intent is then verified in the background, or 204 for a publish ping.
     * Blocks while it resolves the callback's host.
     *
     * @throws HubProblem if the request is refused
     */
    public int answer(Map<String, List<String>> form) {
        if (!loaded.getAsBoolean()) {
            throw new HubProblem(503, "starting", "Dispatch has just started and is loading its feeds; try again in a moment.");
        }
        HubRequest request = HubRequest.of(form);
        if (request instanceof HubRequest.Publish publish) {
            return publish(publish);
        }
        HubRequest.Intent intent = (HubRequest.Intent) request;
        topic(intent.topic());
        policy.refuseUrl(intent.callback()).ifPresent(why -> {
            throw HubProblem.badRequest("invalid-callback", "hub.callback " + why + ".");
        });
        checkAddresses(intent.callback());
        if (intent.subscribe()) {
            store.refuse(intent.topic(), intent.callback()).ifPresent(why -> {
                boolean total = store.size() >= config.maxSubscriptions();
                throw new HubProblem(total ? 503 : 429, "too-many-subscriptions", why);
            });
        }
        intents.accept(intent, lease(intent.leaseSeconds()));
        return 202;
    }

    /** Hands {@code change} to distribution and to the public hubs, off the caller's thread. */
    public void changed(FeedChange change) {
        boolean news = loaded.getAsBoolean() || !change.before().isEmpty(); // the feeds read at a start are not news to public hubs
        workers.execute(() -> change.after().forEach((format, v) -> {
            FeedChange.Validators was = change.before().get(format);
            if (was == null || !was.etag().equals(v.etag())) {
                Topics.Topic topic = topics.of(change.feedId(), format);
                if (config.enabled()) {
                    distributor.changed(topic);
                }
                if (news && store.firstToPing(topic.url(), v.etag())) {
                    pinger.changed(topic.url());
                }
            }
        }));
    }

    /** What the hub has done and holds. */
    public Stats stats() {
        return new Stats(store.size(), distributor.pending(), distributor.delivered(), distributor.failed(), distributor.dropped(),
                intents.verified(), intents.notVerified(), pinger.sent(), pinger.failed());
    }

    private int publish(HubRequest.Publish publish) {
        Set<String> feeds = new LinkedHashSet<>();
        for (String url : publish.topics()) {
            feeds.add(topic(url).feedId());
        }
        feeds.forEach(id -> workers.execute(() -> refresh.accept(id)));
        return 204;
    }

    private Topics.Topic topic(String url) {
        return topics.find(url).orElseThrow(() -> HubProblem.badRequest("unknown-topic", "'" + HubProblem.shorten(url, 200)
                + "' is not a feed of this Dispatch; a topic is the URL of a feed document, such as " + topics.example() + "."));
    }

    /** Checks the callback's addresses now, waiting for its name at most the connect timeout (a slow resolver holds no thread longer). */
    private void checkAddresses(String callback) {
        String host = Subscription.hostOf(callback);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        Future<?> lookup = resolver.submit(() -> {
            policy.resolve(bare);
            return null;
        });
        try {
            lookup.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CallbackPolicy.RefusedAddressException refused) {
                throw HubProblem.badRequest("callback-refused", "hub.callback is refused: " + refused.getMessage() + ".");
            }
            throw HubProblem.badRequest("callback-unresolvable", "hub.callback's host " + host + " has no address.");
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new HubProblem(503, "busy", "Looking up hub.callback's host " + host + " takes too long; try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubProblem(503, "busy", "The hub is stopping.");
        } catch (RejectedExecutionException e) {
            throw new HubProblem(503, "busy", "The hub is stopping.");
        }
    }

    /** The lease granted for a request of {@code requested} seconds: the default, within the bounds. */
    private long lease(Optional<Long> requested) {
        long seconds = requested.orElse(config.defaultLease().toSeconds());
        return Math.max(config.minLease().toSeconds(), Math.min(config.maxLease().toSeconds(), seconds));
    }

    private void endExpiredLeases() {
        int ended = store.removeExpired(clock.instant());
        if (ended > 0) {
            LOG.infof("%d subscriptions ended with their lease", ended);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Writes the subscriptions and what is still owed, and stops calling out. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
        resolver.shutdownNow();
        if (config.enabled()) {
            store.flush();
        }
        outbound.close();
    }
}
