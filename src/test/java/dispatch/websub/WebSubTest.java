package dispatch.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.TestFeeds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Dispatch's hub over real HTTP, with real subscribers: a {@link CallbackServer} on loopback
 * (allowed by the tests' {@code dispatch.websub.allowed-callbacks}). The hub checks of the
 * websub.rocks suite are here under their numbers; the independent peers are in
 * {@link WebSubPeersTest}. Works in a feed of its own, changed through the publish API.
 */
@QuarkusTest
@WithTestResource(value = TestFeeds.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSubTest {

    static final String FEED = "websub-live";
    static final String BASE = "http://localhost:8080";
    static final String ATOM = BASE + "/feeds/" + FEED + "/atom.xml";
    static final String JSON = BASE + "/feeds/" + FEED + "/feed.json";
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final CallbackServer SUBSCRIBER = CallbackServer.start();
    private static final AtomicInteger ARTICLES = new AtomicInteger();
    private static CallbackServer publicHub;

    /** The public hub the tests' server pings: {@code /hub} takes every ping, {@code /flaky-hub} refuses each topic's first. */
    @BeforeAll
    static void listenAsThePublicHub() {
        publicHub = CallbackServer.start(TestFeeds.publicHubPort());
        Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        publicHub.on("/flaky-hub", r -> refusedOnce.add(r.text()) ? CallbackServer.Reply.of(503, "busy") : CallbackServer.Reply.of(204, ""));
    }

    @AfterAll
    static void stop() {
        SUBSCRIBER.close();
        if (publicHub != null) {
            publicHub.close();
        }
    }

    /** The publish API, authorised. */
    static RequestSpecification api() {
        return RestAssured.given().header("Authorization", "Bearer " + TestFeeds.API_TOKEN)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT).encodeContentTypeAs("text/markdown", ContentType.TEXT)));
    }

    /** Publishes a new article in the test feed; its headline. */
    static String publish() {
        int n = ARTICLES.incrementAndGet();
        String headline = "Hub test article " + n;
        api().contentType("text/markdown").body("# " + headline + "\n\nThe text of article " + n + ".\n")
                .put("/api/feeds/" + FEED + "/articles/hub-" + n).then().statusCode(201);
        return headline;
    }

    /** POSTs a form of name, value, name, value... to the hub. */
    static Response hub(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return raw(body.toString());
    }

    static Response raw(String body) {
        return RestAssured.given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").body(body).post("/websub");
    }

    /** How many intents the hub has verified or found not verified. */
    static long decided() {
        var data = RestAssured.get("/q/health/ready").jsonPath();
        return data.getLong("checks.find { it.name == 'websub' }.data.verified")
                + data.getLong("checks.find { it.name == 'websub' }.data.notVerified");
    }

    /** Waits until the hub has decided on more than {@code before} intents. */
    static void awaitDecision(long before) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (decided() <= before && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(decided() > before, "the hub decided");
    }

    /** Subscribes {@code path} on the test subscriber to {@code topic}, and waits for the hub to verify it. */
    static CallbackServer.Received subscribe(String path, String topic, String... more) throws InterruptedException {
        long decided = decided();
        int before = SUBSCRIBER.received(path, CallbackServer.Received::isVerification).size();
        String[] pairs = new String[6 + more.length];
        System.arraycopy(new String[] {"hub.mode", "subscribe", "hub.topic", topic, "hub.callback", SUBSCRIBER.url(path)}, 0, pairs, 0, 6);
        System.arraycopy(more, 0, pairs, 6, more.length);
        hub(pairs).then().statusCode(202);
        List<CallbackServer.Received> got = SUBSCRIBER.await(path, CallbackServer.Received::isVerification, before + 1, WAIT);
        assertEquals(before + 1, got.size(), "the hub verifies intent with a GET to the callback");
        awaitDecision(decided);
        return got.get(before);
    }

    static List<CallbackServer.Received> deliveries(String path) {
        return SUBSCRIBER.received(path, CallbackServer.Received::isDelivery);
    }

    static List<CallbackServer.Received> awaitDeliveries(String path, int count) throws InterruptedException {
        return SUBSCRIBER.await(path, CallbackServer.Received::isDelivery, count, WAIT);
    }

    static void assertProblem(Response r, int status, String type) {
        r.then().statusCode(status).contentType("application/problem+json");
        assertEquals("urn:dispatch:problem:websub-" + type, r.jsonPath().getString("type"), r.asString());
        assertTrue(r.jsonPath().getString("detail").length() > 10, r.asString());
    }

    static String hmac(String algorithm, String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    @Order(0)
    void theTestFeedIsCreated() {
        api().contentType("application/yaml").body("title: WebSub test feed\n").put("/api/feeds/" + FEED).then().statusCode(201);
        publish();
    }

    @Test
    @Order(1)
    void everyFeedResponseLinksSelfFirstThenTheHubs() {
        for (String format : List.of("atom.xml", "rss.xml", "feed.json")) {
            Response r = RestAssured.get("/feeds/world/" + format);
            r.then().statusCode(200);
            assertEquals("<" + BASE + "/feeds/world/" + format + ">; rel=\"self\", <" + BASE + "/websub>; rel=\"hub\", <"
                    + TestFeeds.publicHub("/hub") + ">; rel=\"hub\", <" + TestFeeds.publicHub("/flaky-hub") + ">; rel=\"hub\"",
                    r.header("Link"), format);
        }
        String atom = RestAssured.get("/feeds/world/atom.xml").asString();
        assertTrue(atom.contains("<link rel=\"hub\" href=\"" + BASE + "/websub\" />"), atom);
        String rss = RestAssured.get("/feeds/world/rss.xml").asString();
        assertTrue(rss.contains("<atom:link href=\"" + BASE + "/websub\" rel=\"hub\" />"), rss);
        String json = RestAssured.get("/feeds/world/feed.json").asString();
        assertTrue(json.contains("\"hubs\" : [ {\n    \"type\" : \"WebSub\",\n    \"url\" : \"" + BASE + "/websub\""), json);
        String etag = RestAssured.get("/feeds/world/atom.xml").header("ETag");
        Response notModified = RestAssured.given().header("If-None-Match", etag).get("/feeds/world/atom.xml");
        notModified.then().statusCode(304);
        assertNull(notModified.header("Link"), "a 304 carries no representation metadata");
    }

    @Test
    @Order(10)
    void rocks100TypicalSubscriptionIsVerifiedThenDelivered() throws Exception {
        CallbackServer.Received check = subscribe("/typical", ATOM);
        assertEquals("subscribe", check.query().get("hub.mode"));
        assertEquals(ATOM, check.query().get("hub.topic"));
        assertTrue(check.query().get("hub.challenge").length() >= 32, "a fresh, unguessable challenge");
        assertEquals("864000", check.query().get("hub.lease_seconds"), "the default lease is 10 days");
        String headline = publish();
        List<CallbackServer.Received> got = awaitDeliveries("/typical", 1);
        assertEquals(1, got.size(), "one delivery of the change");
        CallbackServer.Received delivery = got.get(0);
        assertEquals("application/atom+xml; charset=utf-8", delivery.header("Content-Type"));
        assertTrue(delivery.header("Link").startsWith("<" + ATOM + ">; rel=\"self\", <" + BASE + "/websub>; rel=\"hub\""),
                delivery.header("Link"));
        assertNull(delivery.header("X-Hub-Signature"), "no secret, no signature");
        assertTrue(delivery.text().contains(headline), "the new full document");
        byte[] served = RestAssured.given().header("Accept-Encoding", "identity").get("/feeds/" + FEED + "/atom.xml").asByteArray();
        assertEquals(new String(served, StandardCharsets.UTF_8), delivery.text(), "exactly the document served");
    }

    @Test
    @Order(16)
    void aCallbackNamedLocalhostIsReachedAtItsAllowedAddress() throws Exception {
        long decided = decided();
        hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("localhost", "/by-name")).then().statusCode(202);
        assertEquals(1, SUBSCRIBER.await("/by-name", CallbackServer.Received::isVerification, 1, WAIT).size());
        awaitDecision(decided);
        publish();
        assertEquals(1, awaitDeliveries("/by-name", 1).size());
    }

    @Test
    @Order(11)
    void rocks101DeliveriesAreSignedWithTheSecret() throws Exception {
        subscribe("/signed", ATOM, "hub.secret", "a secret of the subscriber's");
        publish();
        CallbackServer.Received delivery = awaitDeliveries("/signed", 1).get(0);
        assertEquals("sha256=" + hmac("HmacSHA256", "a secret of the subscriber's", delivery.body()), delivery.header("X-Hub-Signature"));
    }

    @Test
    @Order(12)
    void rocks102TheCallbacksOwnQueryIsKept() throws Exception {
        long decided = decided();
        hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("/with-query?foo=bar&x=a%20b")).then().statusCode(202);
        List<CallbackServer.Received> checks = SUBSCRIBER.await("/with-query", r -> r.isVerification() && "bar".equals(r.query().get("foo")),
                1, WAIT);
        assertEquals(1, checks.size());
        assertEquals("a b", checks.get(0).query().get("x"));
        assertEquals("subscribe", checks.get(0).query().get("hub.mode"));
        assertTrue(checks.get(0).query().containsKey("hub.challenge"));
        awaitDecision(decided);
        publish();
        assertEquals(1, awaitDeliveries("/with-query", 1).size(), "delivered to the callback as given, query and all");
    }

    @Test
    @Order(13)
    void rocks103ResubscribingRenewsTheLease() throws Exception {
        int subscriptions = subscriptions();
        CallbackServer.Received renewal = subscribe("/typical", ATOM, "hub.lease_seconds", "3600");
        assertEquals("3600", renewal.query().get("hub.lease_seconds"));
        assertEquals(subscriptions, subscriptions(), "a renewal, not a second subscription");
        CallbackServer.Received shortest = subscribe("/short", ATOM, "hub.lease_seconds", "1");
        assertEquals(Long.toString(TestFeeds.MIN_LEASE.toSeconds()), shortest.query().get("hub.lease_seconds"), "raised to the minimum");
    }

    @Test
    @Order(14)
    void rocks104UnsubscribingStopsDeliveries() throws Exception {
        subscribe("/leaving", ATOM);
        publish();
        assertEquals(1, awaitDeliveries("/leaving", 1).size());
        long decided = decided();
        hub("hub.mode", "unsubscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("/leaving")).then().statusCode(202);
        List<CallbackServer.Received> checks = SUBSCRIBER.await("/leaving",
                r -> r.isVerification() && "unsubscribe".equals(r.query().get("hub.mode")), 1, WAIT);
        assertEquals(1, checks.size(), "unsubscription is verified too");
        assertNull(checks.get(0).query().get("hub.lease_seconds"));
        awaitDecision(decided);
        int typical = deliveries("/typical").size();
        publish();
        assertEquals(typical + 1, awaitDeliveries("/typical", typical + 1).size(), "the others still get the change");
        Thread.sleep(300);
        assertEquals(1, deliveries("/leaving").size(), "no delivery after unsubscribing");
    }

    @Test
    @Order(15)
    void rocks106JsonContentKeepsItsType() throws Exception {
        subscribe("/json", JSON, "hub.secret", "json secret");
        publish();
        CallbackServer.Received delivery = awaitDeliveries("/json", 1).get(0);
        assertEquals("application/feed+json; charset=utf-8", delivery.header("Content-Type"));
        assertTrue(delivery.text().startsWith("{"), delivery.text());
        assertEquals("sha256=" + hmac("HmacSHA256", "json secret", delivery.body()), delivery.header("X-Hub-Signature"));
    }

    @Test
    @Order(20)
    void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribed() throws Exception {
        SUBSCRIBER.on("/liar", r -> r.isVerification() ? CallbackServer.Reply.of(200, "yes please") : CallbackServer.Reply.of(204, ""));
        SUBSCRIBER.on("/refuser", r -> CallbackServer.Reply.of(404, r.query().getOrDefault("hub.challenge", "")));
        SUBSCRIBER.on("/redirector", r -> CallbackServer.Reply.of(302, "").with("Location", SUBSCRIBER.url("/typical")));
        SUBSCRIBER.on("/too-long", r -> CallbackServer.Reply.of(200, r.query().get("hub.challenge") + "and more"));
        SUBSCRIBER.on("/slowpoke", r -> CallbackServer.Reply.of(200, r.query().get("hub.challenge")).after(Duration.ofSeconds(4)));
        int typical = SUBSCRIBER.received("/typical").size();
        for (String path : List.of("/liar", "/refuser", "/redirector", "/too-long", "/slowpoke")) {
            subscribe(path, ATOM);
        }
        Thread.sleep(2500); // past the tests' 2 s request timeout, for /slowpoke
        publish();
        awaitDeliveries("/typical", deliveries("/typical").size() + 1);
        Thread.sleep(300);
        for (String path : List.of("/liar", "/refuser", "/redirector", "/too-long", "/slowpoke")) {
            assertEquals(0, deliveries(path).size(), path + " was not verified, so gets nothing");
        }
        assertEquals(typical + 1, SUBSCRIBER.received("/typical").size(), "the redirect was not followed");
    }

    @Test
    @Order(21)
    void aFailedDeliveryIsRetriedWithBackOff() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        SUBSCRIBER.on("/flaky", r -> r.isVerification() ? CallbackServer.CONFIRM.apply(r)
                : CallbackServer.Reply.of(posts.incrementAndGet() <= 2 ? 503 : 202, ""));
        subscribe("/flaky", ATOM);
        String headline = publish();
        List<CallbackServer.Received> got = awaitDeliveries("/flaky", 3);
        assertEquals(3, got.size(), "two refusals, then accepted");
        assertTrue(got.get(2).text().contains(headline));
        Thread.sleep(500);
        assertEquals(3, deliveries("/flaky").size(), "any 2xx counts as delivered");
    }

    @Test
    @Order(22)
    void aDeliveryIsDroppedAfterItsAttemptsButNotTheSubscription() throws Exception {
        SUBSCRIBER.on("/down", r -> r.isVerification() ? CallbackServer.CONFIRM.apply(r) : CallbackServer.Reply.of(500, "down"));
        subscribe("/down", ATOM);
        int subscriptions = subscriptions();
        publish();
        assertEquals(TestFeeds.DELIVERY_ATTEMPTS, awaitDeliveries("/down", TestFeeds.DELIVERY_ATTEMPTS).size());
        Thread.sleep(1500);
        assertEquals(TestFeeds.DELIVERY_ATTEMPTS, deliveries("/down").size(), "given up after the last attempt");
        assertEquals(subscriptions, subscriptions(), "the subscription stays");
        SUBSCRIBER.on("/down", CallbackServer.CONFIRM);
        String headline = publish();
        List<CallbackServer.Received> got = awaitDeliveries("/down", TestFeeds.DELIVERY_ATTEMPTS + 1);
        assertTrue(got.get(TestFeeds.DELIVERY_ATTEMPTS).text().contains(headline), "the next change is delivered");
    }

    @Test
    @Order(23)
    void aCallbackNeverReceivesAnOlderVersionAfterANewerOne() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        SUBSCRIBER.on("/slow", r -> r.isVerification() ? CallbackServer.CONFIRM.apply(r)
                : CallbackServer.Reply.of(204, "").after(posts.incrementAndGet() == 1 ? Duration.ofMillis(800) : Duration.ZERO));
        subscribe("/slow", ATOM);
        publish();
        Thread.sleep(100);
        publish();
        publish();
        String last = publish();
        long end = System.nanoTime() + WAIT.toNanos();
        while (deliveries("/slow").stream().noneMatch(d -> d.text().contains(last)) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        List<CallbackServer.Received> got = deliveries("/slow");
        assertTrue(got.get(got.size() - 1).text().contains(last), "the last delivery is the newest version");
        int previous = 0;
        for (CallbackServer.Received d : got) {
            int entries = d.text().split("<entry>", -1).length - 1;
            assertTrue(entries >= previous, "never fewer entries than the delivery before");
            previous = entries;
        }
        assertTrue(got.size() <= 3, "versions published while one was in flight are sent as one, newest: " + got.size());
    }

    @Test
    @Order(24)
    void aLeaseEnds() throws Exception {
        subscribe("/brief", ATOM, "hub.lease_seconds", "2");
        Thread.sleep(TestFeeds.MIN_LEASE.toMillis() + 1500);
        publish();
        awaitDeliveries("/typical", deliveries("/typical").size() + 1);
        Thread.sleep(300);
        assertEquals(0, deliveries("/brief").size(), "nothing after the lease ended");
    }

    @Test
    @Order(30)
    void publishPingsForOwnTopicsAreAccepted() {
        hub("hub.mode", "publish", "hub.url", ATOM).then().statusCode(204);
        hub("hub.mode", "publish", "hub.topic", ATOM).then().statusCode(204);
        raw("hub.mode=publish&hub.url=" + URLEncoder.encode(ATOM, StandardCharsets.UTF_8) + "&hub.url="
                + URLEncoder.encode(JSON, StandardCharsets.UTF_8)).then().statusCode(204);
        assertProblem(hub("hub.mode", "publish", "hub.url", "https://elsewhere.example/feed.xml"), 400, "unknown-topic");
        assertProblem(hub("hub.mode", "publish"), 400, "missing-parameter");
    }

    @Test
    @Order(31)
    void publicHubsArePingedAboutEveryChangedTopicWithBothParameters() throws Exception {
        publish();
        for (String format : List.of("atom.xml", "rss.xml", "feed.json")) {
            String topic = BASE + "/feeds/" + FEED + "/" + format;
            List<CallbackServer.Received> pings = publicHub.await("/hub",
                    r -> r.isDelivery() && topic.equals(CallbackServer.query(r.text()).get("hub.url")), 1, WAIT);
            assertTrue(pings.size() >= 1, "pinged about " + topic);
            CallbackServer.Received ping = pings.get(0);
            assertEquals("publish", CallbackServer.query(ping.text()).get("hub.mode"));
            assertEquals(topic, CallbackServer.query(ping.text()).get("hub.topic"));
            assertTrue(ping.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
            List<CallbackServer.Received> retried = publicHub.await("/flaky-hub",
                    r -> r.isDelivery() && topic.equals(CallbackServer.query(r.text()).get("hub.url")), 2, WAIT);
            assertTrue(retried.size() >= 2, "a refused ping is retried");
        }
        assertTrue(RestAssured.get("/q/health/ready").jsonPath().getInt("checks.find { it.name == 'websub' }.data.failedPings") >= 1,
                "failed pings are counted");
    }

    @Test
    @Order(40)
    void everyParameterIsChecked() {
        String cb = SUBSCRIBER.url("/never");
        assertProblem(hub("hub.topic", ATOM, "hub.callback", cb), 400, "missing-parameter");
        assertProblem(hub("hub.mode", "subscribe-please", "hub.topic", ATOM, "hub.callback", cb), 400, "invalid-mode");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM), 400, "missing-parameter");
        assertProblem(hub("hub.mode", "subscribe", "hub.callback", cb), 400, "missing-parameter");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", "", "hub.callback", cb), 400, "missing-parameter");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", "https://elsewhere.example/feed.xml", "hub.callback", cb), 400, "unknown-topic");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", BASE + "/feeds/no-such-feed/atom.xml", "hub.callback", cb), 400, "unknown-topic");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", BASE + "/feeds/" + FEED + "/", "hub.callback", cb), 400, "unknown-topic");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.lease_seconds", "soon"), 400, "invalid-lease");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.lease_seconds", "0"), 400, "invalid-lease");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.lease_seconds", "-5"), 400, "invalid-lease");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.secret", "s".repeat(200)), 400, "invalid-secret");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.secret", "é".repeat(100)), 400, "invalid-secret");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.secret", ""), 400, "invalid-secret");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.callback", cb), 400, "repeated-parameter");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", "ftp://127.0.0.1/x"), 400, "invalid-callback");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", "/relative"), 400, "invalid-callback");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb + "#fragment"), 400, "invalid-callback");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb.replace("://", "://user:pw@")), 400, "invalid-callback");
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", "http://x/" + "a".repeat(2100)), 400, "invalid-callback");
        assertProblem(raw("hub.mode=subscribe&hub.topic=%zz"), 400, "malformed-form");
        assertProblem(RestAssured.given().contentType("application/json").body("{}").post("/websub"), 415, "unsupported-media-type");
        Response put = RestAssured.given().body("x").put("/websub");
        assertProblem(put, 405, "method-not-allowed");
        assertEquals("GET, HEAD, POST", put.header("Allow"));
        Response page = RestAssured.get("/websub");
        page.then().statusCode(200).contentType("text/html");
        assertTrue(page.asString().contains("WebSub hub"), "a page for people who follow the link");
        assertProblem(raw("hub.mode=subscribe&x=" + "a".repeat(20_000)), 413, "too-large");
        hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.secret", "s".repeat(199)).then().statusCode(202);
        hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb, "hub.verify", "async").then().statusCode(202);
    }

    @Test
    @Order(41)
    void callbacksLeadingToPrivateAddressesAreRefused() {
        for (String cb : List.of("http://10.0.0.1/cb", "http://192.168.1.1/cb", "http://172.16.0.1/cb", "http://169.254.169.254/latest",
                "http://[::1]:8080/cb", "http://0.0.0.0/cb", "http://[fd00::1]/cb", "http://[fe80::1]/cb", "http://224.0.0.1/cb",
                "http://100.64.0.1/cb", "http://[::ffff:10.0.0.1]/cb", "http://[64:ff9b::a00:1]/cb", "http://0x7f000001.1/cb")) {
            Response r = hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", cb);
            assertTrue(r.statusCode() == 400, cb + ": " + r.asString());
            String type = r.jsonPath().getString("type");
            assertTrue(type.endsWith("callback-refused") || type.endsWith("callback-unresolvable") || type.endsWith("invalid-callback"),
                    cb + ": " + r.asString());
        }
        Response named = hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", "http://ip6-localhost/cb");
        assertTrue(named.statusCode() == 400, named.asString());
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", "http://no-such-host.invalid/cb"), 400, "callback-unresolvable");
    }

    @Test
    @Order(42)
    void subscriptionsPerCallbackHostAreCapped() throws Exception {
        int room = TestFeeds.SUBSCRIPTIONS_PER_HOST;
        for (int i = 0; i < room; i++) {
            hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("127.0.0.2", "/capped/" + i)).then().statusCode(202);
        }
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end && SUBSCRIBER.received().stream().filter(r -> r.path().startsWith("/capped/")).count() < room) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertProblem(hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("127.0.0.2", "/capped/more")), 429,
                "too-many-subscriptions");
        hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("127.0.0.3", "/capped/more")).then().statusCode(202);
        hub("hub.mode", "subscribe", "hub.topic", ATOM, "hub.callback", SUBSCRIBER.url("127.0.0.2", "/capped/0")).then().statusCode(202);
    }

    static int subscriptions() {
        return RestAssured.get("/q/health/ready").jsonPath().getInt("checks.find { it.name == 'websub' }.data.subscriptions");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theTestFeedIsDeleted() {
        String etag = api().get("/api/feeds/" + FEED).header("ETag");
        api().header("If-Match", etag).delete("/api/feeds/" + FEED).then().statusCode(204);
    }
}
