package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes every parser of request headers: {@code Accept}, {@code Accept-Encoding},
 * {@code If-None-Match}, {@code If-Match} and {@code If-Modified-Since}. Each never throws, is
 * deterministic, and agrees with a small reference model written here from the RFC's grammar
 * (for lists without quoted strings, where the model is simple enough to be obviously right).
 */
class HeaderFuzzTest {

    private static final String ATOM = "application/atom+xml";

    @FuzzTest(maxDuration = "10m")
    void acceptEncoding(String header) {
        if (header == null) {
            assertEquals(false, AcceptEncoding.allowsGzip(null), "no header, no gzip");
            return;
        }
        boolean gzip = AcceptEncoding.allowsGzip(header);
        assertEquals(gzip, AcceptEncoding.allowsGzip(new String(header)), "deterministic");
        if (header.indexOf('"') < 0) {
            assertEquals(Reference.allowsGzip(header), gzip, () -> "Accept-Encoding: " + header);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void accept(String header) {
        if (header == null) {
            assertEquals(false, AcceptHeader.prefersHtml(null, ATOM), "no header, the feed");
            return;
        }
        boolean html = AcceptHeader.prefersHtml(header, ATOM);
        assertEquals(html, AcceptHeader.prefersHtml(new String(header), ATOM), "deterministic");
        if (header.indexOf('"') < 0) {
            assertEquals(Reference.prefersHtml(header, ATOM), html, () -> "Accept: " + header);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void entityTags(FuzzedDataProvider data) {
        String etag = "\"" + data.consumeString(8).replace("\"", "") + "\"";
        List<String> tags = new ArrayList<>();
        int count = data.consumeInt(0, 5);
        for (int i = 0; i < count; i++) {
            tags.add((data.consumeBoolean() ? "W/" : "") + "\"" + data.consumeString(8).replace("\"", "") + "\"");
        }
        String list = String.join(data.consumeBoolean() ? ", " : ",", tags);
        String opaque = etag;
        assertEquals(tags.stream().anyMatch(t -> t.endsWith(opaque) && t.length() - opaque.length() <= 2 && (t.equals(opaque) || t.equals("W/" + opaque))),
                EntityTags.matchesWeakly(list, etag), () -> "If-None-Match: " + list + " against " + etag);
        assertEquals(tags.contains(etag), EntityTags.matchesStrongly(list, etag), () -> "If-Match: " + list + " against " + etag);
        assertTrue(EntityTags.matchesWeakly("*", etag) && EntityTags.matchesStrongly("*", etag));

        String raw = data.consumeRemainingAsString();
        boolean weak = EntityTags.matchesWeakly(raw, etag);
        boolean strong = EntityTags.matchesStrongly(raw, etag);
        assertTrue(!strong || weak, () -> "a strong match is a weak match too: " + raw);
        assertEquals(weak, EntityTags.matchesWeakly(raw, etag), "deterministic");
        assertEquals(false, EntityTags.matchesStrongly(raw, "W/" + etag), "a weak current tag never matches strongly");
    }

    @FuzzTest(maxDuration = "10m")
    void ifModifiedSince(FuzzedDataProvider data) {
        Instant instant = Instant.ofEpochSecond(data.consumeLong(0, 253402300799L)); // up to 9999-12-31
        String formatted = HttpDates.format(instant);
        assertEquals(Optional.of(instant), HttpDates.parse(formatted), formatted);
        String raw = data.consumeRemainingAsString();
        Optional<Instant> parsed = HttpDates.parse(raw);
        assertEquals(parsed, HttpDates.parse(raw), "deterministic");
        parsed.ifPresent(p -> assertEquals(p, HttpDates.parse(HttpDates.format(p)).orElseThrow(), () -> "round trip of " + raw));
        Preconditions.notModified(null, raw, "\"x\"", instant, Instant.now());
        Preconditions.notModified(raw, raw, "\"x\"", instant, Instant.now());
    }

    /** The reference model: list members split on commas, parameters on semicolons, weights per RFC 9110 §12.4.2. */
    static final class Reference {

        record Member(String value, double q) {
        }

        static List<Member> members(String header) {
            List<Member> members = new ArrayList<>();
            for (String member : header.split(",", -1)) {
                String[] parts = member.split(";", -1);
                String value = ows(parts[0]);
                if (value.isEmpty()) {
                    continue;
                }
                double q = 1;
                for (int i = 1; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    if (kv.length == 2 && ows(kv[0]).equalsIgnoreCase("q")) {
                        String v = ows(kv[1]);
                        q = v.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(v) : 0;
                        break;
                    }
                }
                StringBuilder lower = new StringBuilder();
                value.chars().forEach(c -> lower.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c)));
                members.add(new Member(lower.toString(), q));
            }
            return members;
        }

        static String ows(String s) {
            return s.replaceAll("^[ \t]+|[ \t]+$", "");
        }

        /** Gzip when it is acceptable and ranked no lower than identity (RFC 9110 §12.5.3). */
        static boolean allowsGzip(String header) {
            double gzip = -1;
            double identity = -1;
            double star = -1;
            for (Member m : members(header)) {
                switch (m.value()) {
                    case "gzip", "x-gzip" -> gzip = Math.max(gzip, m.q());
                    case "identity" -> identity = Math.max(identity, m.q());
                    case "*" -> star = Math.max(star, m.q());
                    default -> { }
                }
            }
            double g = gzip >= 0 ? gzip : star;
            double i = identity >= 0 ? identity : star;
            return g > 0 && g >= i;
        }

        /** HTML when it is listed above every type that could mean the feed. */
        static boolean prefersHtml(String header, String feedType) {
            double html = -1;
            double feed = -1;
            for (Member m : members(header)) {
                String t = m.value();
                if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
                    html = Math.max(html, m.q());
                } else if (List.of(feedType, "*/*", "application/*", "application/xml", "text/xml", "application/json").contains(t)
                        || t.endsWith("+xml") || t.endsWith("+json")) {
                    feed = Math.max(feed, m.q());
                }
            }
            return html > 0 && html > feed;
        }
    }
}
