package dispatch.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server of its own, on a free loopback port, in a temporary folder: Debian's
 * {@code initdb} and {@code pg_ctl} ({@code .ci/run} installs the {@code postgresql} package), run
 * as the {@code postgres} user when the tests run as root. A test can stop it as a crash would
 * and start it again. Missing, the test is skipped, or fails under CI.
 */
final class PostgresServer {

    /** The role and database the replicas use; local connections are trusted. */
    static final String USER = "dispatch";

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** A new server, started, with database {@code dispatch} owned by role {@code dispatch}. */
    static PostgresServer start() throws IOException, InterruptedException {
        Optional<Path> bin = installed();
        if (bin.isEmpty()) {
            String message = "PostgreSQL is not installed (.ci/run installs it)";
            if ("true".equals(System.getenv("DISPATCH_REQUIRE_CLIENTS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("dispatch-pg");
        if (root()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
            run(List.of("chmod", "700", dir.toString()));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin.get(), dir, port);
        server.asPostgres(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"));
        server.startAgain();
        server.asPostgres(List.of(bin.get().resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                "dispatch"));
        return server;
    }

    /** The JDBC URL of the database. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/dispatch";
    }

    /** Starts the server (again), waiting until it takes connections. */
    void startAgain() throws IOException, InterruptedException {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops the server at once, as a crash would: connections are cut, nothing is flushed politely. */
    void crash() throws IOException, InterruptedException {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    }

    /** Runs SQL {@code sql} with psql; its output, one row per line, fields separated by '|'. */
    String sql(String sql) throws IOException, InterruptedException {
        return asPostgres(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", "dispatch",
                "-At", "-c", sql));
    }

    /** Stops it and removes what it wrote. */
    void close() throws IOException, InterruptedException {
        try {
            crash();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String asPostgres(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return run(full);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out));
        }
        return new String(out).strip();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The bin folder of the newest PostgreSQL Debian installs. */
    private static Optional<Path> installed() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        }
    }
}
