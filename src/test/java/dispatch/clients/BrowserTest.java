package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import dispatch.Chromium;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A person who opens a feed URL in a real browser (headless Chromium, Debian's {@code chromium})
 * sees a readable page with the feed's title and its entries, not XML or a download prompt.
 */
@QuarkusTest
class BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = {"rss.xml", "atom.xml", "feed.json"})
    void aFeedUrlShowsTheFeedTitleAndItsHeadlines(String file, @TempDir Path profile) throws IOException {
        Clients.require(Files.isExecutable(Chromium.PATH), "Chromium (chromium)");
        List<String> command = Chromium.command(profile, "--window-size=390,844", "--dump-dom", new URL(root, "feeds/world/" + file).toString());
        String dom = Clients.exec(command, null, Map.of(), null, Duration.ofSeconds(90)).orFail();
        assertTrue(dom.contains("<h1>World News</h1>"), dom);
        assertTrue(dom.contains("Erdogan says Idlib offensive poses 'serious security risks' for Turkey"), dom);
        assertTrue(dom.contains("Turkish minister warns of mass migration from Idlib"), dom);
        assertTrue(dom.contains("Attack on Idlib could lead to worst loss of life this century: UN official"), dom);
        assertTrue(dom.contains("feed reader"), dom);
        assertFalse(dom.contains("<?xml"), dom);
    }
}
