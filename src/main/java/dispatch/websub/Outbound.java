package dispatch.websub;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hub's HTTP client, for every request it makes: intent verification, content distribution
 * and pings of public hubs. Each request resolves its host anew, has {@link CallbackPolicy} check
 * the addresses, then connects to exactly a checked one, the next if one refuses the connection
 * (so a name that changes its answer between the check and the connection gains nothing). No redirect is followed; every request has a
 * connect timeout and a deadline for the whole exchange; a response body is read up to a limit.
 * Public hubs the operator configured are trusted: their addresses are not checked.
 */
final class Outbound implements AutoCloseable {

    /** The answer to one request: its status and (bounded) body, or why there was none (status 0). */
    record Answer(int status, String body, String failure) {

        /** Whether the status is 2xx. */
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Whether no connection could be made (so another address may be tried). */
        boolean unconnected() {
            return status == 0 && failure != null && failure.startsWith(CANNOT_CONNECT);
        }

        /** The status, or why there was none, for logs. */
        String describe() {
            return status == 0 ? failure : "HTTP " + status;
        }

        static Answer failed(String why) {
            return new Answer(0, "", why);
        }
    }

    private static final String CANNOT_CONNECT = "cannot connect: ";

    private final Vertx vertx;
    private final HttpClient client;
    private final CallbackPolicy policy;
    private final Executor resolver;
    private final long connectMillis;
    private final long deadlineMillis;
    private final String userAgent;

    /**
     * A client checking addresses with {@code policy}, resolving names on {@code resolver} (a
     * lookup blocks), with at most {@code maxConnections} connections to one address.
     */
    Outbound(Vertx vertx, CallbackPolicy policy, Executor resolver, Duration connectTimeout, Duration requestTimeout,
            int maxConnections, String userAgent) {
        this.vertx = vertx;
        this.policy = policy;
        this.resolver = resolver;
        this.connectMillis = connectTimeout.toMillis();
        this.deadlineMillis = requestTimeout.toMillis();
        this.userAgent = userAgent;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(maxConnections)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setConnectTimeout((int) connectMillis)
                .setIdleTimeout((int) Math.max(1, requestTimeout.toSeconds()))
                .setMaxRedirects(0)
                .setVerifyHost(true));
    }

    /** GETs {@code url}, a stranger's, reading at most {@code maxBody} bytes of the body (a longer one reads as empty). */
    CompletableFuture<Answer> get(String url, int maxBody) {
        return send(HttpMethod.GET, url, Map.of(), null, maxBody, false);
    }

    /** POSTs {@code body} to {@code url}, a stranger's unless {@code trusted}; the answer's body is not kept. */
    CompletableFuture<Answer> post(String url, Map<String, String> headers, Buffer body, boolean trusted) {
        return send(HttpMethod.POST, url, headers, body, -1, trusted);
    }

    private CompletableFuture<Answer> send(HttpMethod method, String url, Map<String, String> headers, Buffer body, int maxBody,
            boolean trusted) {
        Optional<String> badUrl = policy.refuseUrl(url);
        if (badUrl.isPresent()) {
            return CompletableFuture.completedFuture(Answer.failed("the URL " + badUrl.get()));
        }
        URI uri = URI.create(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return CompletableFuture.supplyAsync(() -> address(host, trusted), resolver)
                .completeOnTimeout(new Resolved(List.of(), "cannot resolve " + host + " within " + connectMillis + " ms"), connectMillis,
                        TimeUnit.MILLISECONDS)
                .thenCompose(resolved -> {
                    if (resolved.addresses.isEmpty()) {
                        return CompletableFuture.completedFuture(Answer.failed(resolved.refusal));
                    }
                    return exchange(resolved.addresses, 0, uri, method, port, https, headers, body, maxBody);
                });
    }

    /** Tries {@code addresses} from {@code index} in order until one accepts the connection. */
    private CompletableFuture<Answer> exchange(List<InetAddress> addresses, int index, URI uri, HttpMethod method, int port, boolean https,
            Map<String, String> headers, Buffer body, int maxBody) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(addresses.get(index), port)))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(pathAndQuery(uri))
                .setFollowRedirects(false)
                .setConnectTimeout(connectMillis)
                .setIdleTimeout(deadlineMillis);
        return exchange(options, headers, body, maxBody).thenCompose(answer -> index + 1 < addresses.size() && answer.unconnected()
                ? exchange(addresses, index + 1, uri, method, port, https, headers, body, maxBody)
                : CompletableFuture.completedFuture(answer));
    }

    /** The addresses to connect to, or why there are none. */
    private Resolved address(String host, boolean trusted) {
        try {
            return new Resolved(trusted ? List.of(InetAddress.getAllByName(host)) : policy.resolve(host), null);
        } catch (CallbackPolicy.RefusedAddressException e) {
            return new Resolved(List.of(), "refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return new Resolved(List.of(), "cannot resolve " + host);
        }
    }

    private record Resolved(List<InetAddress> addresses, String refusal) {
    }

    private CompletableFuture<Answer> exchange(RequestOptions options, Map<String, String> headers, Buffer body, int maxBody) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                answer.complete(Answer.failed(CANNOT_CONNECT + opened.cause().getMessage()));
                return;
            }
            HttpClientRequest request = opened.result();
            long timer = vertx.setTimer(deadlineMillis, id -> {
                if (answer.complete(Answer.failed("no answer within " + deadlineMillis + " ms"))) {
                    request.reset(0, new TimeoutException());
                }
            });
            answer.whenComplete((a, e) -> vertx.cancelTimer(timer));
            request.putHeader("User-Agent", userAgent);
            headers.forEach(request::putHeader);
            request.exceptionHandler(e -> answer.complete(Answer.failed(String.valueOf(e.getMessage()))));
            request.response().onComplete(responded -> {
                if (responded.failed()) {
                    answer.complete(Answer.failed(String.valueOf(responded.cause().getMessage())));
                } else {
                    read(responded.result(), maxBody, answer);
                }
            });
            if (body == null) {
                request.end();
            } else {
                request.end(body);
            }
        });
        return answer;
    }

    /**
     * Reads {@code response}'s body, keeping at most {@code maxBody} bytes; one that is longer is
     * not read on and counts as empty. With {@code maxBody < 0} the body is read and dropped.
     */
    private static void read(HttpClientResponse response, int maxBody, CompletableFuture<Answer> answer) {
        Buffer kept = Buffer.buffer();
        response.handler(chunk -> {
            if (maxBody < 0) {
                return;
            }
            if (kept.length() + chunk.length() <= maxBody) {
                kept.appendBuffer(chunk);
            } else if (answer.complete(new Answer(response.statusCode(), "", "an answer longer than " + maxBody + " bytes"))) {
                response.request().reset(); // a longer body than any answer the hub reads: stop reading it
            }
        });
        response.exceptionHandler(e -> answer.complete(Answer.failed(String.valueOf(e.getMessage()))));
        response.endHandler(v -> answer.complete(new Answer(response.statusCode(), kept.toString(), null)));
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public void close() {
        client.close();
    }
}
