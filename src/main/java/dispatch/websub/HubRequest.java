package dispatch.websub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request to the hub, its form parameters checked one by one: the intent to (un)subscribe, or a publish ping. */
sealed interface HubRequest {

    /** The longest {@code hub.secret}, in bytes: the Recommendation wants it under 200. */
    int MAX_SECRET_BYTES = 199;

    /**
     * {@code hub.mode=subscribe} or {@code unsubscribe}.
     *
     * @param subscribe true to subscribe, false to unsubscribe
     * @param callback {@code hub.callback}
     * @param topic {@code hub.topic}
     * @param leaseSeconds {@code hub.lease_seconds}, if given
     * @param secret {@code hub.secret}, if given
     */
    record Intent(boolean subscribe, String callback, String topic, Optional<Long> leaseSeconds, Optional<String> secret)
            implements HubRequest {

        /** {@code subscribe} or {@code unsubscribe}. */
        String mode() {
            return subscribe ? "subscribe" : "unsubscribe";
        }
    }

    /**
     * {@code hub.mode=publish}: the topics of {@code hub.url} and {@code hub.topic} (Google's hub
     * reads the first, Switchboard the second; a publisher may name several).
     *
     * @param topics the topic URLs, each once
     */
    record Publish(List<String> topics) implements HubRequest {
    }

    /**
     * The request {@code form} makes.
     *
     * @throws HubProblem naming the first parameter that is missing, repeated or malformed
     */
    static HubRequest of(Map<String, List<String>> form) {
        String mode = nonEmpty(form, "hub.mode").orElseThrow(() -> missing("hub.mode", "subscribe, unsubscribe or publish"));
        switch (mode) {
            case "subscribe", "unsubscribe" -> {
                String callback = nonEmpty(form, "hub.callback").orElseThrow(() -> missing("hub.callback", "the subscriber's callback URL"));
                String topic = nonEmpty(form, "hub.topic").orElseThrow(() -> missing("hub.topic", "the URL of a feed of this Dispatch"));
                Optional<Long> lease = single(form, "hub.lease_seconds").map(HubRequest::leaseSeconds);
                Optional<String> secret = single(form, "hub.secret");
                if (secret.isPresent() && secret.get().isEmpty()) {
                    throw HubProblem.badRequest("invalid-secret", "hub.secret is empty; leave it out to have deliveries unsigned.");
                }
                if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
                    throw HubProblem.badRequest("invalid-secret", "hub.secret must be less than 200 bytes long.");
                }
                return new Intent(mode.equals("subscribe"), callback, topic, lease, secret);
            }
            case "publish" -> {
                LinkedHashSet<String> topics = new LinkedHashSet<>();
                for (String name : List.of("hub.url", "hub.topic", "hub.url[]")) {
                    topics.addAll(form.getOrDefault(name, List.of()));
                }
                if (topics.isEmpty() || topics.contains("")) {
                    throw missing("hub.url", "the URL of the feed that changed (or hub.topic)");
                }
                return new Publish(new ArrayList<>(topics));
            }
            default -> throw HubProblem.badRequest("invalid-mode",
                    "hub.mode must be subscribe, unsubscribe or publish, not '" + HubProblem.shorten(mode, 40) + "'.");
        }
    }

    /** The one value of {@code name}, if it is given and not empty. */
    private static Optional<String> nonEmpty(Map<String, List<String>> form, String name) {
        return single(form, name).filter(v -> !v.isEmpty());
    }

    /** The one value of {@code name}, if it is given. */
    private static Optional<String> single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw HubProblem.badRequest("repeated-parameter", name + " is given " + values.size() + " times; give it once.");
        }
        return Optional.of(values.get(0));
    }

    private static long leaseSeconds(String value) {
        if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) == 0) {
            throw HubProblem.badRequest("invalid-lease", "hub.lease_seconds must be a positive whole number of seconds, not '"
                    + HubProblem.shorten(value, 40) + "'.");
        }
        return Long.parseLong(value);
    }

    private static HubProblem missing(String name, String what) {
        return HubProblem.badRequest("missing-parameter", name + " is missing or empty: it must be " + what + ".");
    }
}
