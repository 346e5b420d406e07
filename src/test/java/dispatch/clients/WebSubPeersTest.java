package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Dispatch's hub with independent WebSub peers, installed by {@code .ci/run}: the npm
 * {@code pubsubhubbub@1.0.2} subscriber (which verifies intent, requires the {@code Link} header
 * and drops any delivery whose {@code X-Hub-Signature} does not match its secret), and Debian's
 * {@code php-pubsubhubbub-publisher} (which counts only a 204 as a published ping).
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSubPeersTest {

    private static final String FEED = "websub-peers";
    private static final String TOPIC = "http://localhost:8080/feeds/" + FEED + "/atom.xml";
    private static final Path CLIENTS = Path.of("src", "test", "clients");
    private static final Path PHP_PUBLISHER = Path.of("/usr/share/php/Pubsubhubbub/Publisher/Publisher.php");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification api() {
        return RestAssured.given().header("Authorization", "Bearer " + TestFeeds.API_TOKEN)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT).encodeContentTypeAs("text/markdown", ContentType.TEXT)));
    }

    private static String publish(String slug) {
        String headline = "Peer test " + slug;
        api().contentType("text/markdown").body("# " + headline + "\n\nThe text.\n").put("/api/feeds/" + FEED + "/articles/" + slug)
                .then().statusCode(201);
        return headline;
    }

    private static String hubUrl() {
        return "http://127.0.0.1:" + RestAssured.port + "/websub";
    }

    @Test
    @Order(0)
    void theTestFeedIsCreated() {
        api().contentType("application/yaml").body("title: WebSub peers\n").put("/api/feeds/" + FEED).then().statusCode(201);
        publish("first");
    }

    @Test
    @Order(1)
    void theNpmSubscriberIsVerifiedAndReceivesSignedDeliveriesUntilItUnsubscribes() throws Exception {
        Clients.require(Files.isDirectory(CLIENTS.resolve("node_modules").resolve("pubsubhubbub")), "npm pubsubhubbub (npm ci in src/test/clients)");
        Process node = new ProcessBuilder("node", "websub-subscriber.mjs", hubUrl(), TOPIC, "a secret of the npm subscriber")
                .directory(CLIENTS.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int subscriptions = subscriptions();
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    events.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try (OutputStream stdin = node.getOutputStream()) {
            next(events, e -> e.get("event").asText().equals("listening"));
            JsonNode subscribed = next(events, e -> !e.get("event").asText().equals("listening"));
            assertEquals("subscribe", subscribed.get("event").asText(), subscribed.toString());
            assertEquals(TOPIC, subscribed.get("topic").asText());
            awaitSubscriptions(subscriptions + 1); // the subscriber has answered; the hub stores it next

            String headline = publish("second");
            JsonNode feed = next(events, e -> true);
            assertEquals("feed", feed.get("event").asText(), "a delivery whose signature the subscriber checked: " + feed);
            assertEquals(TOPIC, feed.get("topic").asText(), "read from the first Link, rel=self");
            assertEquals(hubUrl(), feed.get("hub").asText(), "from its own callback URL, whose query the hub kept");
            assertEquals("application/atom+xml; charset=utf-8", feed.get("contentType").asText());
            assertTrue(feed.get("signature").asText().startsWith("sha256="), feed.toString());
            assertTrue(feed.get("body").asText().contains(headline));

            stdin.write("unsubscribe\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            JsonNode unsubscribed = next(events, e -> true);
            assertEquals("unsubscribe", unsubscribed.get("event").asText(), unsubscribed.toString());
            awaitSubscriptions(subscriptions);
            publish("third");
            JsonNode after = events.poll(1500, TimeUnit.MILLISECONDS);
            assertEquals(null, after, "nothing after unsubscribing");
        } finally {
            node.destroy();
            node.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(2)
    void thePhpPublisherPingIsAcceptedWith204() {
        Clients.require(Files.isRegularFile(PHP_PUBLISHER) && Clients.onPath("php"), "php-pubsubhubbub-publisher");
        String script = CLIENTS.resolve("websub-publisher.php").toString();
        String published = Clients.run(List.of("php", script, hubUrl(), TOPIC, TOPIC.replace("atom.xml", "rss.xml")));
        assertEquals("published", published.strip());
        Clients.Outcome refused = Clients.exec(List.of("php", script, hubUrl(), "https://elsewhere.example/feed.xml"), null,
                java.util.Map.of(), null, Duration.ofMinutes(1));
        assertTrue(refused.exit() == 1 && refused.out().contains("websub-unknown-topic"), refused.out());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theTestFeedIsDeleted() {
        String etag = api().get("/api/feeds/" + FEED).header("ETag");
        api().header("If-Match", etag).delete("/api/feeds/" + FEED).then().statusCode(204);
    }

    private static int subscriptions() {
        return RestAssured.get("/q/health/ready").jsonPath().getInt("checks.find { it.name == 'websub' }.data.subscriptions");
    }

    private static void awaitSubscriptions(int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (subscriptions() != count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(count, subscriptions());
    }

    private static JsonNode next(BlockingQueue<JsonNode> events, Predicate<JsonNode> which) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && which.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no event from the npm subscriber in 15 s");
    }
}
