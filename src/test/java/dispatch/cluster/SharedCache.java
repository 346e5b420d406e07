package dispatch.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx running the shipped {@code config/nginx/cluster.conf} on a free loopback port,
 * with the replicas' ports as its upstreams and its files in a temporary prefix. Missing, the test
 * is skipped, or fails under CI.
 */
final class SharedCache {

    private final Path prefix;
    private final int port;

    private SharedCache(Path prefix, int port) {
        this.prefix = prefix;
        this.port = port;
    }

    /** A free port for the cache, to be given to {@link #start}: the replicas' base URL names it before it starts. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** nginx on {@code port} in front of {@code replicas}. */
    static SharedCache start(int port, List<Replica> replicas, Path prefix) throws IOException, InterruptedException {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            String message = "nginx is not installed (.ci/run installs it)";
            if ("true".equals(System.getenv("DISPATCH_REQUIRE_CLIENTS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        String shipped = Files.readString(Path.of("config/nginx/cluster.conf"));
        String upstreams = replicas.stream().map(r -> "        server 127.0.0.1:" + r.port() + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        String conf = shipped.replaceAll("(?m)^\\s*server 127\\.0\\.0\\.1:808[1-3] .*\\n", "")
                .replace("    upstream dispatch {\n", "    upstream dispatch {\n" + upstreams + "\n")
                .replace("listen 127.0.0.1:8080;", "listen 127.0.0.1:" + port + ";")
                .replace("worker_processes auto;", "worker_processes 1;");
        Files.createDirectories(prefix.resolve("tmp"));
        Files.writeString(prefix.resolve("nginx.conf"), conf);
        run(List.of(nginx.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString()));
        return new SharedCache(prefix, port);
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Its error log, for failure messages. */
    String errors() throws IOException {
        Path log = prefix.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops it. */
    void close() throws IOException, InterruptedException {
        run(List.of("/usr/sbin/nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(), "-s", "stop"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out));
        }
    }
}
