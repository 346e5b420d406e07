package dispatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.api.ApiTokens.Verdict;
import dispatch.config.DispatchConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ApiTokens}: no token, no API; each token allowed what it was given, and nothing else. */
class ApiTokensTest {

    private static DispatchConfig.Api config(Optional<String> token, Map<String, DispatchConfig.Api.Token> tokens) {
        return new DispatchConfig.Api() {
            @Override
            public Optional<String> token() {
                return token;
            }

            @Override
            public Map<String, Token> tokens() {
                return tokens;
            }
        };
    }

    private static DispatchConfig.Api.Token token(String secret, Set<String> feeds) {
        return new DispatchConfig.Api.Token() {
            @Override
            public String token() {
                return secret;
            }

            @Override
            public Optional<Set<String>> feeds() {
                return Optional.ofNullable(feeds);
            }
        };
    }

    @Test
    void withNoTokenTheApiDoesNotExist() {
        assertFalse(new ApiTokens(config(Optional.empty(), Map.of())).enabled());
        assertFalse(new ApiTokens(config(Optional.of("  "), Map.of("blank", token("", null)))).enabled(), "a blank token is no token");
    }

    @Test
    void eachTokenIsAllowedItsFeedsOnly() {
        ApiTokens tokens = new ApiTokens(config(Optional.of("every-feed"), Map.of("sport", token("sport-only", Set.of("sport")))));
        assertTrue(tokens.enabled());
        assertEquals(Verdict.ALLOWED, tokens.check("Bearer every-feed", "world"));
        assertEquals(Verdict.ALLOWED, tokens.check("bearer every-feed", "world"), "the scheme is case-insensitive");
        assertEquals(Verdict.ALLOWED, tokens.check("Bearer sport-only", "sport"));
        assertEquals(Verdict.FORBIDDEN, tokens.check("Bearer sport-only", "world"));
        assertEquals(Verdict.INVALID, tokens.check("Bearer every-feed-", "world"));
        assertEquals(Verdict.INVALID, tokens.check("Bearer ", "world"));
        assertEquals(Verdict.MISSING, tokens.check(null, "world"));
        assertEquals(Verdict.MISSING, tokens.check("Basic ZXZlcnktZmVlZA==", "world"));
        assertEquals(Verdict.MISSING, tokens.check("Bearer", "world"));
    }
}
