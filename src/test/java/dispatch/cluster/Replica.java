package dispatch.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Dispatch replica: the packaged application ({@code target/quarkus-app}, system property
 * {@code dispatch.app}) run as its own process on a free loopback port, with its own data folder,
 * in cluster mode on a PostgreSQL database.
 */
final class Replica {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path dir;
    private final int port;
    private final List<String> command;
    private Process process;

    private Replica(String name, Path dir, int port, List<String> command) {
        this.name = name;
        this.dir = dir;
        this.port = port;
        this.command = command;
    }

    /** Replica {@code name}, working in {@code dir}, on database {@code jdbcUrl}, with {@code settings} as system properties. */
    static Replica of(String name, Path dir, String jdbcUrl, Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Ddispatch.source=postgresql", "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + PostgresServer.USER, "-Dquarkus.datasource.password=unused",
                "-Ddispatch.cluster.poll-interval=2s", "-Ddispatch.cluster.reconnect-delay=500ms"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", System.getProperty("dispatch.app", "target/quarkus-app/quarkus-run.jar")));
        return new Replica(name, dir, port, command);
    }

    /** Starts the process (again); {@link #awaitReady} waits for it. */
    Replica start() throws IOException {
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("replica.log").toFile())).start();
        return this;
    }

    /** Waits until every feed is loaded ({@code /q/health/ready} answers 200). */
    Replica awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: see " + dir.resolve("replica.log"));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ": see " + dir.resolve("replica.log"));
    }

    /** Kills the process as a crash would (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the process as an operator would (SIGTERM), waiting for it to end. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** Its name. */
    String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** GET {@code path}, with {@code headers} (name, value, ...), body as bytes. */
    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code method} with {@code body} to {@code path}, with {@code headers} (name, value, ...). */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }
}
