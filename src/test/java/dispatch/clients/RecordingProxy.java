package dispatch.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP/1.1 reverse proxy on a random loopback port that forwards every request to the
 * service unchanged (headers included: {@code If-None-Match}, {@code If-Modified-Since},
 * {@code A-IM}, {@code Accept-Encoding}), passes the response back byte for byte, and records both
 * sides: what a feed reader really sends and what it is answered, seen from outside the service,
 * without touching its code.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and its answer; header names are case-insensitive. */
    record Exchange(String method, String path, Map<String, String> requestHeaders, int status,
            Map<String, String> responseHeaders) {

        /** A request header's value, or null. */
        String request(String name) {
            return requestHeaders.get(name);
        }

        /** A response header's value, or null. */
        String response(String name) {
            return responseHeaders.get(name);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + requestHeaders + " -> " + status + " " + responseHeaders;
        }
    }

    /** Hop-by-hop headers, and those Java's HTTP client and server set themselves. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "date");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /** Starts a proxy to {@code target} (scheme, host and port; the path is the request's). */
    RecordingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The proxy's address for {@code path}, such as {@code /feeds/world/rss.xml}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every exchange so far, in the order they were answered. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void forward(HttpExchange ex) throws IOException {
        Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int status;
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            byte[] requestBody = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(20))
                    .method(ex.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            ex.getRequestHeaders().forEach((name, values) -> {
                requestHeaders.put(name, String.join(", ", values));
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            body = response.body();
            response.headers().map().forEach((name, values) -> {
                responseHeaders.put(name, String.join(", ", values));
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
        } catch (IOException e) {
            status = 502;
            body = ("proxy: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 502;
            body = new byte[0];
        }
        exchanges.add(new Exchange(ex.getRequestMethod(), ex.getRequestURI().toString(),
                Collections.unmodifiableMap(requestHeaders), status, Collections.unmodifiableMap(responseHeaders)));
        boolean noBody = status == 304 || status == 204 || "HEAD".equals(ex.getRequestMethod()) || body.length == 0;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
