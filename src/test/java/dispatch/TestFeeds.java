package dispatch;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import java.util.stream.Stream;

/**
 * The feeds directory every Quarkus test boots on: the shipped {@code feeds/} plus the fixtures
 * in {@code src/test/resources/test-feeds}, plus bad files written here (binary, not UTF-8,
 * UTF-16, empty, over the size limit, links to a file and a folder outside the tree). Built the same way on every boot, so ETags must agree.
 */
public class TestFeeds implements QuarkusTestResourceLifecycleManager {

    /** Where the directory is built. */
    public static final Path DIR = Path.of("target", "test-feeds");

    /** The data folder the tests' server keeps its state in, made afresh with the feeds. */
    public static final Path DATA = Path.of("target", "test-data");

    /** The API token allowed every feed. */
    public static final String API_TOKEN = "test-token-for-every-feed";

    /** An API token allowed only feed {@code api-limited}. */
    public static final String LIMITED_TOKEN = "test-token-for-one-feed";

    /** How long the tests' server waits for a request head. */
    public static final Duration REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(3);

    /** A file outside the feeds directory that links in the tree point at; it must never be published. */
    public static final Path SECRET = Path.of("/etc/passwd");

    /** The article size limit the tests run with. */
    public static final int MAX_ARTICLE_BYTES = 64 * 1024;

    /**
     * The port of the public hub the tests' server pings on every change (paths {@code /hub} and
     * {@code /flaky-hub}), the same for every boot in this JVM so that feeds advertising it keep
     * their ETags. {@code WebSubTest} listens on it; until then pings fail and are retried.
     */
    public static int publicHubPort() {
        String known = System.getProperty("dispatchtests.public-hub-port");
        if (known != null) {
            return Integer.parseInt(known);
        }
        try (ServerSocket free = new ServerSocket(0)) {
            System.setProperty("dispatchtests.public-hub-port", Integer.toString(free.getLocalPort()));
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on the public hub. */
    public static String publicHub(String path) {
        return "http://127.0.0.1:" + publicHubPort() + path;
    }

    /** How many subscriptions the tests' hub holds per callback host. */
    public static final int SUBSCRIPTIONS_PER_HOST = 40;

    /** The shortest lease the tests' hub grants. */
    public static final Duration MIN_LEASE = Duration.ofSeconds(2);

    /** How many attempts the tests' hub makes per delivery. */
    public static final int DELIVERY_ATTEMPTS = 4;

    @Override
    public Map<String, String> start() {
        create();
        Map<String, String> config = new HashMap<>();
        config.put("dispatch.feeds-dir", DIR.toString());
        config.put("dispatch.api.token", API_TOKEN);
        config.put("dispatch.api.tokens.limited.token", LIMITED_TOKEN);
        config.put("dispatch.api.tokens.limited.feeds", "api-limited");
        config.put("dispatch.max-article-bytes", Integer.toString(MAX_ARTICLE_BYTES));
        config.put("dispatch.http.request-head-timeout", REQUEST_HEAD_TIMEOUT.toMillis() + "ms");
        config.put("dispatch.http.request-body-timeout", REQUEST_HEAD_TIMEOUT.toMillis() + "ms");
        config.put("dispatch.data-dir", DATA.toString());
        config.put("dispatch.websub.hubs", publicHub("/hub") + "," + publicHub("/flaky-hub"));
        config.put("dispatch.websub.allowed-callbacks", "127.0.0.0/8");
        config.put("dispatch.websub.min-lease", MIN_LEASE.toMillis() + "ms");
        config.put("dispatch.websub.retry-delay", "200ms");
        config.put("dispatch.websub.max-retry-delay", "1s");
        config.put("dispatch.websub.delivery-attempts", Integer.toString(DELIVERY_ATTEMPTS));
        config.put("dispatch.websub.ping-attempts", "4");
        config.put("dispatch.websub.connect-timeout", "1s");
        config.put("dispatch.websub.request-timeout", "2s");
        config.put("dispatch.websub.max-subscriptions-per-host", Integer.toString(SUBSCRIPTIONS_PER_HOST));
        return config;
    }

    @Override
    public void stop() {
        // left in place for inspection
    }

    /** Builds the directory afresh. */
    public static Path create() {
        try {
            deleteRecursively(DIR);
            deleteRecursively(DATA);
            Files.createDirectories(DATA.resolve("stats"));
            StringBuilder history = new StringBuilder("{");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int day = 29; day >= 1; day--) { // a month of subscribers for feed linked, for the stats page's chart
                history.append(day == 29 ? "" : ",").append('"').append(today.minusDays(day)).append("\":{\"linked\":").append(200 + 3 * (29 - day))
                        .append('}');
            }
            Files.writeString(DATA.resolve("stats").resolve("subscribers.json"), history.append('}').toString());
            copyTree(Path.of("feeds"), DIR);
            copyTree(Path.of("src", "test", "resources", "test-feeds"), DIR);
            Path edge = DIR.resolve("edge");
            Files.write(edge.resolve("2024-05-01-binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
            Files.write(edge.resolve("2024-05-02-latin1.txt"), "Caf\u00e9 au lait\n\nIt is good.\n".getBytes(StandardCharsets.ISO_8859_1));
            Files.write(edge.resolve("2024-05-03-empty.txt"), new byte[0]);
            byte[] huge = new byte[MAX_ARTICLE_BYTES + 1];
            Arrays.fill(huge, (byte) 'a');
            Files.write(edge.resolve("2024-05-04-huge.txt"), huge);
            Files.writeString(edge.resolve("2024-05-05-typo.txt"), "---\ntitel: Misspelt\n---\nA headline\n\nA body.\n");
            Files.write(edge.resolve("2024-05-06-utf16.txt"), "A headline\n\nA body.\n".getBytes(StandardCharsets.UTF_16));
            Files.createSymbolicLink(edge.resolve("2024-05-07-passwd.txt"), SECRET);
            Files.createSymbolicLink(DIR.resolve("etcfeed"), SECRET.getParent());
            return DIR;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
