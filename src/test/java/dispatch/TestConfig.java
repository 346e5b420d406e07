package dispatch;

import dispatch.config.DispatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DispatchConfig} for tests that build Dispatch's parts without Quarkus: the given feeds
 * directory, gzip level 1, and the defaults otherwise.
 *
 * @param feedsDir the feeds directory
 */
public record TestConfig(Path feedsDir) implements DispatchConfig {

    @Override
    public String baseUrl() {
        return "https://news.example";
    }

    /** Beside the feeds directory. */
    @Override
    public Path dataDir() {
        return feedsDir.toAbsolutePath().getParent().resolve("data");
    }

    @Override
    public long maxArticleBytes() {
        return 1 << 20;
    }

    @Override
    public Optional<List<String>> furniture() {
        return Optional.empty();
    }

    @Override
    public int gzipLevel() {
        return 1;
    }

    @Override
    public Cache cache() {
        return new Cache() {
            @Override
            public Duration staleWhileRevalidate() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration staleIfError() {
                return Duration.ofDays(1);
            }
        };
    }

    @Override
    public Http http() {
        return new Http() {
            @Override
            public Duration requestHeadTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration requestBodyTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }

    @Override
    public Watch watch() {
        return new Watch() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration quietPeriod() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration rescanInterval() {
                return Duration.ofSeconds(30);
            }
        };
    }

    @Override
    public Api api() {
        return new Api() {
            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public java.util.Map<String, Token> tokens() {
                return java.util.Map.of();
            }
        };
    }

    /** The hub's defaults, but off: these tests render feeds that advertise no hub. */
    @Override
    public WebSub websub() {
        return TestWebSub.defaults().withEnabled(false);
    }

    @Override
    public AllFeed allFeed() {
        return new TestAllFeed(true, "All feeds", 50);
    }

    /** Feed history as by default: full archive pages kept a week, tombstones 30 days, 16 versions for deltas. */
    @Override
    public History history() {
        return new TestHistory(Duration.ofDays(7), Duration.ofDays(30), 16);
    }

    /** Feed history's settings (a named class: CDI refuses validation annotations on anonymous ones). */
    public record TestHistory(Duration archiveMaxAge, Duration tombstoneLifetime, int deltaVersions) implements History {
    }

    /** The feeds directory as the source, as by default. */
    @Override
    public Source source() {
        return Source.FILES;
    }

    /** Cluster settings as by default (unused with files as the source). */
    @Override
    public Cluster cluster() {
        return new TestCluster(Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    /** Cluster mode's settings. */
    public record TestCluster(Duration pollInterval, Duration reconnectDelay) implements Cluster {
    }

    /** Statistics on and closed, as by default. */
    @Override
    public Stats stats() {
        return new TestStats(true, false);
    }

    /** The statistics' settings. */
    public record TestStats(boolean enabled, boolean open) implements Stats {
    }

    /** Polite polling off, as by default. */
    @Override
    public Polling polling() {
        return new TestPolling(Optional.empty(), 100_000);
    }

    /** Polite polling's settings (a named class: CDI refuses validation annotations on anonymous ones). */
    public record TestPolling(Optional<Duration> minInterval, int maxClients) implements Polling {
    }

    /** The combined feed's settings (a named class: CDI refuses validation annotations on anonymous ones). */
    private record TestAllFeed(boolean enabled, String title, int limit) implements AllFeed {
    }

    @Override
    public Shapes shapes() {
        return new Shapes() {
            @Override
            public Optional<java.util.Set<String>> bylinePrefixes() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> outletWords() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> captionPrefixes() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> sharePhrases() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> creditPrefixes() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> topicHeaders() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> boilerplatePrefixes() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.Set<String>> promptPrefixes() {
                return Optional.empty();
            }
        };
    }
}
