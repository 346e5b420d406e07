package dispatch.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * newsboat (Debian package {@code newsboat}), a terminal feed reader, run without a terminal as
 * {@code newsboat -x reload} with its urls file, config and SQLite cache in one folder, and its
 * cache read with the SQLite shell.
 */
final class Newsboat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    private Newsboat() {
    }

    /** Skips, or fails under CI, unless newsboat and the SQLite shell are installed. */
    static void require() {
        Clients.require(Clients.onPath("newsboat"), "newsboat (Debian package newsboat)");
        Clients.require(Clients.onPath("sqlite3"), "the SQLite shell (Debian package sqlite3) to read newsboat's cache");
    }

    /** Subscribes the newsboat of {@code dir} to {@code urls}, one fetch at a time. */
    static void subscribe(Path dir, List<String> urls) throws IOException {
        Files.writeString(dir.resolve("urls"), urls.stream().map(u -> u + "\n").collect(Collectors.joining()));
        Files.writeString(dir.resolve("config"), "reload-threads 1\ndownload-timeout 20\ndownload-retries 1\n");
    }

    /** One {@code newsboat -x reload}, with everything it keeps inside {@code dir}. */
    static void reload(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("xdg-config"));
        Files.createDirectories(dir.resolve("xdg-data"));
        Map<String, String> env = Map.of(
                "HOME", dir.toString(),
                "XDG_CONFIG_HOME", dir.resolve("xdg-config").toString(),
                "XDG_DATA_HOME", dir.resolve("xdg-data").toString(),
                "LC_ALL", "C.UTF-8");
        Clients.exec(List.of("newsboat", "-x", "reload", "-u", "urls", "-c", "cache.db", "-C", "config",
                "-l", "4", "-d", "newsboat.log"), dir, env, null, RUN_LIMIT).orFail();
    }

    /** What newsboat logged in {@code dir}, for failure messages. */
    static String log(Path dir) throws IOException {
        Path logFile = dir.resolve("newsboat.log");
        return Files.exists(logFile) ? Files.readString(logFile) : "";
    }

    /** The rows {@code sql} selects from newsboat's cache in {@code dir}. */
    static JsonNode query(Path dir, String sql) {
        String out = Clients.exec(List.of("sqlite3", "-readonly", "-json", "cache.db", sql), dir, Map.of(), null,
                Duration.ofSeconds(30)).orFail();
        try {
            // The SQLite shell prints nothing at all for an empty result.
            return out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("not JSON from sqlite3: " + out, e);
        }
    }

    /** Deletes {@code dir} and everything in it. */
    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
