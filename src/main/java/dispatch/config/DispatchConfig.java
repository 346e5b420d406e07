package dispatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Dispatch's configuration, the {@code dispatch.*} keys. */
@ConfigMapping(prefix = "dispatch")
public interface DispatchConfig {

    /** The public base URL every absolute link and id is built from. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** The directory holding one folder per feed. */
    @WithDefault("feeds")
    Path feedsDir();

    /**
     * The folder for what must survive a restart: the validators each feed was served with (so
     * that {@code Last-Modified} never moves backwards). Created when missing.
     */
    @WithDefault("data")
    Path dataDir();

    /**
     * Where articles and feed definitions live: {@code files}, the feeds directory (one node), or
     * {@code postgresql}, the database named by the {@code quarkus.datasource.*} properties (several
     * replicas; see {@link Cluster}).
     */
    @WithDefault("files")
    Source source();

    /** Where articles and feed definitions live. */
    enum Source {
        /** The feeds directory. */
        FILES,
        /** PostgreSQL, shared by every replica. */
        POSTGRESQL
    }

    /** Cluster mode ({@code dispatch.source=postgresql}). */
    Cluster cluster();

    /** How a replica follows the database. */
    interface Cluster {

        /** How often every feed's version is compared with the database's, for changes whose notification was missed. */
        @WithDefault("5s")
        Duration pollInterval();

        /** How long to wait before connecting again to a database that cannot be reached. */
        @WithDefault("1s")
        Duration reconnectDelay();
    }

    /** The largest article file, in bytes, that is read; larger ones are skipped and reported. */
    @WithDefault("1048576")
    long maxArticleBytes();

    /** Page furniture phrases dropped from articles; the built-in list when absent. */
    Optional<List<String>> furniture();

    /** The phrase lists that tell the kinds of lines of a saved page; each replaces its built-in list. */
    Shapes shapes();

    /** Phrase lists of {@code PageShapes}, compared case-insensitively. */
    interface Shapes {

        /** What a byline starts with: "by", "written by". */
        Optional<Set<String>> bylinePrefixes();

        /** Words that make the line under a byline an outlet line: "news", "correspondent". */
        Optional<Set<String>> outletWords();

        /** What captions and photo credits start with: "image caption", "photo:". */
        Optional<Set<String>> captionPrefixes();

        /** Labels of share, print and comment buttons: "share", "email", "print". */
        Optional<Set<String>> sharePhrases();

        /** What credit lines start with: "reporting by", "editing by". */
        Optional<Set<String>> creditPrefixes();

        /** Headers of trailing topic lists: "related topics", "tags". */
        Optional<Set<String>> topicHeaders();

        /** What standards and copyright notices start with: "our standards", "©". */
        Optional<Set<String>> boilerplatePrefixes();

        /** What newsletter and "read more" prompts start with: "sign up", "read more:". */
        Optional<Set<String>> promptPrefixes();
    }

    /**
     * The gzip level (1–9) of precompressed representations. 4 by default: on a 100-entry feed it
     * costs 2.4 times less CPU than 6 for 4.5 % more bytes (bench/render, GzipLevelBenchmark).
     */
    @WithDefault("4")
    int gzipLevel();

    /** HTTP caching. */
    Cache cache();

    /** The HTTP server's limits. */
    Http http();

    /** Watching the feeds directory for changes. */
    Watch watch();

    /** The publish API. */
    Api api();

    /** WebSub: Dispatch's own hub, and the public hubs told of every change. */
    WebSub websub();

    /** The combined feed of every feed, at {@code /feeds/all/}. */
    AllFeed allFeed();

    /** Polite polling: how often a client may fetch a feed document without validators. */
    Polling polling();

    /** Subscriber statistics, {@code /stats} and {@code /api/stats}. */
    Stats stats();

    /** Feed history: RFC 5005 archive pages, RFC 6721 tombstones, RFC 3229 deltas. */
    History history();

    /** Feed history. */
    interface History {

        /** How long a full archive page may be cached: it changes only when an entry in it is edited or deleted. */
        @WithDefault("7d")
        Duration archiveMaxAge();

        /** How long a deleted entry's tombstone stays in its feed's Atom document. */
        @WithDefault("30d")
        Duration tombstoneLifetime();

        /** How many earlier versions of each feed a delta ({@code A-IM: feed}) may start from; 0 sends no deltas. */
        @WithDefault("16")
        @PositiveOrZero
        @Max(1000)
        int deltaVersions();
    }

    /** Subscriber statistics. */
    interface Stats {

        /** Whether requests for feed documents are counted. */
        @WithDefault("true")
        boolean enabled();

        /** Whether {@code /stats} and {@code /api/stats} are open to all; otherwise they need the API token. */
        @WithDefault("false")
        boolean open();
    }

    /** Polite polling, off by default. */
    interface Polling {

        /**
         * The shortest time between two fetches of one feed document by one client (address and
         * User-Agent) without {@code If-None-Match} or {@code If-Modified-Since}; a sooner one gets
         * 429 with {@code Retry-After}. Absent: every fetch is answered.
         */
        Optional<Duration> minInterval();

        /** The most client and document pairs remembered; the least recently seen are forgotten first. */
        @WithDefault("100000")
        @Positive
        int maxClients();
    }

    /** The combined feed of every feed. A feed folder named {@code all} takes its place. */
    interface AllFeed {

        /** Whether {@code /feeds/all/} serves it. */
        @WithDefault("true")
        boolean enabled();

        /** Its title. */
        @WithDefault("All feeds")
        String title();

        /** How many entries it holds, newest first. */
        @WithDefault("50")
        @Positive
        @Max(10000)
        int limit();
    }

    /**
     * WebSub (W3C Recommendation): the hub at {@code /websub}, and public hubs pinged when a feed
     * changes. Every feed advertises Dispatch's hub first, then the public ones.
     */
    interface WebSub {

        /** Whether Dispatch's own hub answers at {@code /websub} and is advertised. */
        @WithDefault("true")
        boolean enabled();

        /** Public hubs (such as https://pubsubhubbub.appspot.com/) pinged on every change and advertised. */
        Optional<List<String>> hubs();

        /**
         * Addresses or CIDR ranges (such as {@code 127.0.0.0/8}) that callbacks may resolve to though
         * they are loopback, private, link-local, multicast or unspecified, which are refused otherwise.
         */
        Optional<List<String>> allowedCallbacks();

        /** The lease of a subscription that asks for none. */
        @WithDefault("10d")
        Duration defaultLease();

        /** The shortest lease granted; a shorter request gets this one. */
        @WithDefault("5m")
        Duration minLease();

        /** The longest lease granted; a longer request gets this one. */
        @WithDefault("30d")
        Duration maxLease();

        /** The HMAC of {@code X-Hub-Signature}: sha1, sha256, sha384 or sha512. */
        @WithDefault("sha256")
        @Pattern(regexp = "sha1|sha256|sha384|sha512")
        String signatureAlgorithm();

        /** The most subscriptions the hub holds. */
        @WithDefault("100000")
        @Positive
        int maxSubscriptions();

        /** The most subscriptions whose callbacks share one host. */
        @WithDefault("10000")
        @Positive
        int maxSubscriptionsPerHost();

        /** The most deliveries in flight at once; pings to public hubs have as many of their own. */
        @WithDefault("64")
        @Positive
        @Max(10000)
        int deliveryConcurrency();

        /** How many times one version is offered to a callback before that delivery is dropped. */
        @WithDefault("8")
        @Positive
        @Max(30)
        int deliveryAttempts();

        /** The wait before the first retry; each next one waits twice as long, up to {@link #maxRetryDelay}. */
        @WithDefault("10s")
        Duration retryDelay();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxRetryDelay();

        /** How long looking up a callback's or hub's name may take, and then opening a connection to it. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a request to a callback or hub may take once connected (the connection has {@link #connectTimeout}). */
        @WithDefault("15s")
        Duration requestTimeout();

        /** How many times a public hub is pinged about one change before giving up. */
        @WithDefault("5")
        @Positive
        @Max(30)
        int pingAttempts();
    }

    /**
     * The publish API's bearer tokens. With none configured the API answers 404: it is never
     * open. {@code dispatch.api.token} (or {@code DISPATCH_API_TOKEN}) is one token allowed
     * every feed; {@code dispatch.api.tokens.<name>.token} and {@code .feeds} add tokens limited
     * to some feeds.
     */
    interface Api {

        /** A token allowed every feed. */
        Optional<String> token();

        /** Named tokens, each optionally limited to some feeds. */
        Map<String, Token> tokens();

        /** One named token. */
        interface Token {

            /** The secret a client sends as {@code Authorization: Bearer <token>}. */
            String token();

            /** The feeds it may change; every feed when absent. */
            Optional<Set<String>> feeds();
        }
    }

    /** How changes to the feeds directory are picked up while Dispatch runs. */
    interface Watch {

        /** Whether to watch at all; off, content changes only on a restart (or through the API). */
        @WithDefault("true")
        boolean enabled();

        /** How long a feed's folder must be quiet before its change is published. */
        @WithDefault("50ms")
        Duration quietPeriod();

        /** How often every folder is compared with what was read, for file systems without change events. */
        @WithDefault("30s")
        Duration rescanInterval();
    }

    /** Limits on what clients may hold of the HTTP server. */
    interface Http {

        /**
         * How long a connection has, from opening or from its previous response, to send a whole
         * request head; then it is closed (against clients that drip a request, and idle
         * keep-alive connections).
         */
        @WithDefault("10s")
        Duration requestHeadTimeout();

        /** How long a request's body may take to come whole after its head; then the connection is closed. */
        @WithDefault("30s")
        Duration requestBodyTimeout();
    }

    /** The {@code Cache-Control} extensions sent with every feed. */
    interface Cache {

        /** {@code stale-while-revalidate}: how long a cache may serve a stale feed while it revalidates. */
        @WithDefault("60s")
        Duration staleWhileRevalidate();

        /** {@code stale-if-error}: how long a cache may serve a stale feed when Dispatch is failing. */
        @WithDefault("1d")
        Duration staleIfError();
    }
}
