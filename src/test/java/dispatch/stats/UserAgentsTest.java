package dispatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User-Agents as aggregators, feed readers, browsers and crawlers send them. */
class UserAgentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 123 subscribers; ) | AGGREGATOR | Feedly | 123 | -",
        "Mozilla/5.0 (compatible; inoreader.com; 45 subscribers) | AGGREGATOR | Inoreader | 45 | -",
        "NewsBlur Feed Fetcher - 12 subscribers - https://www.newsblur.com/site/1234/world (Mozilla/5.0 (Macintosh))"
                + " | AGGREGATOR | NewsBlur | 12 | -",
        "Feedbin feed-id:1373711 - 42 subscribers | AGGREGATOR | Feedbin | 42 | 1373711",
        "Mozilla/5.0 (compatible; theoldreader.com; 7 subscribers; feed-id=a1b2c3) | AGGREGATOR | The Old Reader | 7 | a1b2c3",
        "BazQux/2.4 (+https://bazqux.com/fetcher; 3 subscribers) | AGGREGATOR | BazQux | 3 | -",
        "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1,234 subscribers) | AGGREGATOR | Feedly | 1234 | -",
        "SomeNewReader/1.0 (+https://reader.example; 99 readers) | AGGREGATOR | SomeNewReader | 99 | -",
        "Tiny Tiny RSS/21.07 (https://tt-rss.org/) | CLIENT | Tiny Tiny RSS | - | -",
        "newsboat/2.21.0 (Linux x86_64) | CLIENT | newsboat | - | -",
        "NetNewsWire (RSS Reader; https://netnewswire.com/) | CLIENT | NetNewsWire | - | -",
        "curl/8.0.1 | CLIENT | curl | - | -",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 | BROWSER | browser | - | -",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | CRAWLER | Googlebot | - | -",
        "facebookexternalhit/1.1 | CRAWLER | facebookexternalhit | - | -",
    })
    void eachIsToldApart(String agent, UserAgents.Kind kind, String family, Long subscribers, String feed) {
        UserAgents.Client c = UserAgents.classify(agent);
        assertEquals(kind, c.kind(), agent);
        assertEquals(family, c.family(), agent);
        assertEquals(subscribers == null ? OptionalLong.empty() : OptionalLong.of(subscribers), c.subscribers(), agent);
        assertEquals(Optional.ofNullable(feed), c.aggregatorFeed(), agent);
    }
}
