package dispatch.stats;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what kind of client a {@code User-Agent} is, the way FeedBurner and FeedPress counted:
 * an aggregator that reports how many subscribers it fetches for ("Feedly/1.0 (...; 123
 * subscribers)"), a browser, a crawler, or another client (a feed reader run by one person).
 */
final class UserAgents {

    /** What kind of client. */
    enum Kind {
        /** Fetches for many people and says how many. */
        AGGREGATOR,
        /** A web browser: a person looking, not a subscription. */
        BROWSER,
        /** A search engine or link-preview robot. */
        CRAWLER,
        /** Anything else: a feed reader, a script. */
        CLIENT
    }

    /**
     * One User-Agent, classified.
     *
     * @param kind what kind of client
     * @param family its product name, such as "Feedly" or "newsboat", for the report card
     * @param subscribers the subscribers an aggregator reports
     * @param aggregatorFeed the aggregator's own id of the feed (Feedbin's feed-id), if it gives one
     */
    record Client(Kind kind, String family, OptionalLong subscribers, Optional<String> aggregatorFeed) {
    }

    private static final Pattern SUBSCRIBERS = Pattern.compile("(\\d[\\d,]{0,12})\\s*(?:subscribers?|readers?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FEED_ID = Pattern.compile("feed-?id[:=]\\s*([A-Za-z0-9_-]{1,64})", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRODUCT = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 ._-]{0,40}?)\\s*(?:/|\\(|;|$)");
    private static final Pattern CRAWLER = Pattern.compile("bot\\b|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BROWSER = Pattern.compile("^Mozilla/\\d.*(Chrome/|Safari/|Firefox/|Edg/|OPR/)");
    private static final List<String> AGGREGATORS = List.of("Feedly", "Inoreader", "NewsBlur", "Feedbin", "The Old Reader", "BazQux",
            "Feedspot", "Tiny Tiny RSS", "FreshRSS", "Miniflux", "Bloglovin", "Netvibes", "Digg", "Newsify", "FeedHQ", "Superfeedr");
    private static final int MAX_FAMILY = 40;

    private UserAgents() {
    }

    /** What {@code userAgent} (null when none was sent) is. */
    static Client classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Client(Kind.CLIENT, "(none)", OptionalLong.empty(), Optional.empty());
        }
        String known = knownAggregator(userAgent);
        Matcher count = SUBSCRIBERS.matcher(userAgent);
        if (count.find()) {
            long n = parse(count.group(1));
            Matcher feed = FEED_ID.matcher(userAgent);
            return new Client(Kind.AGGREGATOR, known != null ? known : product(userAgent), n < 0 ? OptionalLong.empty() : OptionalLong.of(n),
                    feed.find() ? Optional.of(feed.group(1)) : Optional.empty());
        }
        if (known != null) { // a self-hosted one, or a service that does not say: one more reader
            return new Client(Kind.CLIENT, known, OptionalLong.empty(), Optional.empty());
        }
        if (CRAWLER.matcher(userAgent).find()) {
            return new Client(Kind.CRAWLER, product(userAgent), OptionalLong.empty(), Optional.empty());
        }
        if (BROWSER.matcher(userAgent).find()) {
            return new Client(Kind.BROWSER, "browser", OptionalLong.empty(), Optional.empty());
        }
        return new Client(Kind.CLIENT, product(userAgent), OptionalLong.empty(), Optional.empty());
    }

    private static String knownAggregator(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT).replace("theoldreader", "the old reader");
        for (String name : AGGREGATORS) {
            if (lower.contains(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    /** The product token a User-Agent starts with ("newsboat/2.21 ..." is newsboat), at most 40 characters. */
    private static String product(String userAgent) {
        Matcher m = PRODUCT.matcher(userAgent);
        String name = m.find() ? m.group(1).strip() : userAgent.strip();
        if (name.equalsIgnoreCase("Mozilla")) {
            Matcher inner = Pattern.compile("\\(compatible;\\s*([A-Za-z][A-Za-z0-9 ._-]{0,40}?)\\s*[/;)]").matcher(userAgent);
            name = inner.find() ? inner.group(1) : "Mozilla-compatible";
        }
        return name.length() > MAX_FAMILY ? name.substring(0, MAX_FAMILY) : name;
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits.replace(",", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
