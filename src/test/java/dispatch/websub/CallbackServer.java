package dispatch.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A real HTTP server on loopback standing in for WebSub subscribers (or a public hub): records
 * every request and answers as told per path. By default it confirms intent (a GET echoes
 * {@code hub.challenge}) and takes deliveries (a POST gets 204).
 */
public final class CallbackServer implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String method, String path, Map<String, String> query, Map<String, List<String>> headers, byte[] body) {

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether this is a GET verifying intent (or telling of a denial). */
        public boolean isVerification() {
            return method.equals("GET");
        }

        /** Whether this is a POST delivering content. */
        public boolean isDelivery() {
            return method.equals("POST");
        }
    }

    /** How to answer. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        /** {@code status} with {@code body}. */
        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        /** This reply after {@code wait}. */
        public Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }

        /** This reply with header {@code name}. */
        public Reply with(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delay);
        }
    }

    /** Confirms intent by echoing the challenge; takes every delivery with 204. */
    public static final Function<Received, Reply> CONFIRM = r -> r.isVerification()
            ? Reply.of(200, r.query().getOrDefault("hub.challenge", ""))
            : Reply.of(204, "");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Reply>> handlers = new ConcurrentHashMap<>();

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    /** A server on a free port of every local address (so 127.0.0.2 reaches it too). */
    public static CallbackServer start() {
        return start(0);
    }

    /** A server on {@code port} of every local address. */
    public static CallbackServer start(int port) {
        try {
            CallbackServer s = new CallbackServer(HttpServer.create(new InetSocketAddress(port), 256));
            s.server.createContext("/", s::handle);
            s.server.setExecutor(s.threads);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code pathAndQuery} on 127.0.0.1. */
    public String url(String pathAndQuery) {
        return url("127.0.0.1", pathAndQuery);
    }

    /** The URL of {@code pathAndQuery} on {@code host}. */
    public String url(String host, String pathAndQuery) {
        return "http://" + host + ":" + server.getAddress().getPort() + pathAndQuery;
    }

    /** Answers requests whose path is {@code path} with {@code handler}. */
    public void on(String path, Function<Received, Reply> handler) {
        handlers.put(path, handler);
    }

    /** Every request received so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests received on {@code path} so far. */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests received on {@code path} that match {@code which}. */
    public List<Received> received(String path, Predicate<Received> which) {
        return received(path).stream().filter(which).toList();
    }

    /** Waits up to {@code timeout} for {@code count} requests on {@code path} matching {@code which}; what came. */
    public List<Received> await(String path, Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Received> got = received(path, which);
        while (got.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
            got = received(path, which);
        }
        return got;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
            String path = exchange.getRequestURI().getRawPath();
            Received r = new Received(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()), headers, body);
            received.add(r);
            Reply reply = handlers.getOrDefault(path, CONFIRM).apply(r);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    /** The query's parameters, decoded, the first value of each. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
