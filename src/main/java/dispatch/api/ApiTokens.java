package dispatch.api;

import dispatch.config.DispatchConfig;
import dispatch.feed.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the publish API: the configured bearer tokens, each allowed every feed or some.
 * A presented token is compared with every configured one in constant time (their SHA-256
 * digests, so not even the length leaks), and no token is ever logged.
 */
final class ApiTokens {

    /** What a request's credentials allow. */
    enum Verdict {
        /** No {@code Authorization: Bearer} header. */
        MISSING,
        /** A token that is none of the configured ones. */
        INVALID,
        /** A valid token, not allowed this feed. */
        FORBIDDEN,
        /** A valid token allowed this feed. */
        ALLOWED
    }

    private record Token(byte[] digest, Optional<Set<String>> feeds) {
    }

    private final List<Token> tokens = new ArrayList<>();

    /** The tokens of {@code config}. */
    ApiTokens(DispatchConfig.Api config) {
        config.token().filter(t -> !t.isBlank()).ifPresent(t -> tokens.add(new Token(digest(t), Optional.empty())));
        config.tokens().values().stream().filter(t -> !t.token().isBlank())
                .forEach(t -> tokens.add(new Token(digest(t.token()), t.feeds())));
    }

    /** Whether any token is configured: without one the API does not exist. */
    boolean enabled() {
        return !tokens.isEmpty();
    }

    /**
     * What {@code authorization} allows of what concerns every feed (the statistics): only a token
     * allowed every feed is {@link Verdict#ALLOWED}. Besides {@code Bearer <token>}, takes
     * {@code Basic} credentials whose password is the token, which a browser can send.
     */
    Verdict checkEveryFeed(String authorization) {
        String bearer = authorization;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                bearer = "Bearer " + decoded.substring(decoded.indexOf(':') + 1);
            } catch (IllegalArgumentException e) {
                return Verdict.INVALID;
            }
        }
        Verdict v = check(bearer, null);
        if (v != Verdict.ALLOWED) {
            return v;
        }
        byte[] presented = digest(bearer.substring(7).strip());
        boolean everyFeed = false;
        for (Token t : tokens) {
            everyFeed |= MessageDigest.isEqual(presented, t.digest()) && t.feeds().isEmpty();
        }
        return everyFeed ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /**
     * What {@code authorization} (the header's value, or null) allows for {@code feed} (null for
     * a request that names no feed).
     */
    Verdict check(String authorization, String feed) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.MISSING;
        }
        byte[] presented = digest(authorization.substring(7).strip());
        Token match = null;
        for (Token t : tokens) { // every token is compared, whichever matches
            if (MessageDigest.isEqual(presented, t.digest()) && match == null) {
                match = t;
            }
        }
        if (match == null) {
            return Verdict.INVALID;
        }
        return feed == null || match.feeds().map(f -> f.contains(feed)).orElse(true) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    private static byte[] digest(String token) {
        return Sha256.of(token.getBytes(StandardCharsets.UTF_8));
    }
}
