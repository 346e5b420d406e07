package dispatch.web;

import io.vertx.core.http.HttpHeaders;
import java.time.Instant;

/**
 * The current time for HTTP: the {@code Date} header every response must carry (RFC 9110
 * §6.6.1), formatted once per second rather than once per request.
 */
public final class HttpClock {

    private static volatile Tick tick = new Tick(Instant.now());

    private HttpClock() {
    }

    /** The current time, to the second. */
    public static Instant now() {
        return current().instant;
    }

    /** The current time as an IMF-fixdate, for the {@code Date} header. */
    public static CharSequence date() {
        return current().header;
    }

    private static Tick current() {
        Tick t = tick;
        long second = System.currentTimeMillis() / 1000;
        if (second != t.instant.getEpochSecond()) {
            t = new Tick(Instant.ofEpochSecond(second));
            tick = t;
        }
        return t;
    }

    /** One second's time and its header value. */
    private static final class Tick {
        final Instant instant;
        final CharSequence header;

        Tick(Instant now) {
            this.instant = Instant.ofEpochSecond(now.getEpochSecond());
            this.header = HttpHeaders.createOptimized(HttpDates.format(instant));
        }
    }
}
