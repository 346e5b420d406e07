package dispatch.websub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Verification of intent: a GET to the callback with {@code hub.mode}, {@code hub.topic}, a fresh
 * {@code hub.challenge} and, for a subscription, {@code hub.lease_seconds}, appended to whatever
 * query the callback has. Only a 2xx whose body is exactly the challenge confirms it; anything
 * else (another body, a redirect, an error, no answer in time) is "not verified". A denial is
 * sent the same way, with {@code hub.reason}.
 */
final class IntentVerifier {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Outbound outbound;

    IntentVerifier(Outbound outbound) {
        this.outbound = outbound;
    }

    /**
     * What the callback answered to verifying {@code intent}, with {@code leaseSeconds} granted to a subscription.
     *
     * @param confirmed whether it echoed the challenge with a 2xx
     * @param answer what it answered, for logs
     */
    record Verdict(boolean confirmed, String answer) {
    }

    /** Asks the callback to confirm {@code intent}, with {@code leaseSeconds} granted to a subscription. */
    CompletableFuture<Verdict> confirms(HubRequest.Intent intent, long leaseSeconds) {
        String challenge = challenge();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hub.mode", intent.mode());
        params.put("hub.topic", intent.topic());
        params.put("hub.challenge", challenge);
        if (intent.subscribe()) {
            params.put("hub.lease_seconds", Long.toString(leaseSeconds));
        }
        return outbound.get(withQuery(intent.callback(), params), challenge.length())
                .thenApply(answer -> {
                    boolean echoed = answer.ok() && answer.body().equals(challenge);
                    return new Verdict(echoed, echoed ? "the challenge" : answer.ok() ? "another body than the challenge" : answer.describe());
                });
    }

    /** Tells the callback its subscription to {@code topic} is denied, for {@code reason}. */
    CompletableFuture<Outbound.Answer> deny(String callback, String topic, String reason) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hub.mode", "denied");
        params.put("hub.topic", topic);
        params.put("hub.reason", reason);
        return outbound.get(withQuery(callback, params), 0);
    }

    /**
     * {@code callback} with {@code params} appended to its query: after {@code ?} when it has
     * none, after {@code &} when it has one, so the subscriber's own parameters stay as they are.
     */
    static String withQuery(String callback, Map<String, String> params) {
        StringBuilder url = new StringBuilder(callback);
        int question = callback.indexOf('?');
        if (question < 0) {
            url.append('?');
        } else if (question < callback.length() - 1 && !callback.endsWith("&")) {
            url.append('&');
        }
        boolean first = true;
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!first) {
                url.append('&');
            }
            first = false;
            url.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** 32 random bytes, URL-safe. */
    private static String challenge() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
