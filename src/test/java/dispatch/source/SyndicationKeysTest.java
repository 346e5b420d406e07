package dispatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.article.ArticleParser;
import dispatch.feed.FeedDefinition;
import dispatch.feed.Syndication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The syndication keys of {@code feed.yaml}: read when well formed, refused with a reason when not. */
class SyndicationKeysTest {

    private static FeedDefinition read(String yaml) throws FeedDefinitionException {
        return FeedDefinitionReader.read("world", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everySyndicationKeyIsRead() throws Exception {
        Syndication s = read("""
                title: World
                icon: icon.png
                logo: https://cdn.example/logo.svg
                rights: "© 2026 Example News"
                license: https://creativecommons.org/licenses/by/4.0/
                categories: [World, Politics, World]
                link: https://news.example/
                content: summary
                """).syndication();
        assertEquals(Optional.of("icon.png"), s.icon());
        assertEquals(Optional.of("https://cdn.example/logo.svg"), s.logo());
        assertEquals(Optional.of("© 2026 Example News"), s.rights());
        assertEquals(Optional.of("https://creativecommons.org/licenses/by/4.0/"), s.license());
        assertEquals(List.of("World", "Politics"), s.categories(), "each once");
        assertEquals(Optional.of("https://news.example/"), s.link());
        assertEquals(Syndication.ContentMode.SUMMARY, s.content());
        assertEquals(Syndication.NONE, read("title: World\n").syndication(), "none given: full text, nothing more");
        Syndication withUrl = read("title: World\nrights:\n  text: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n").syndication();
        assertEquals(Optional.of("CC BY 4.0"), withUrl.rights());
        assertEquals(Optional.of("https://creativecommons.org/licenses/by/4.0/"), withUrl.license(), "the statement with its licence's URL");
        assertEquals(Optional.of("https://example.org/licence"), read("title: World\nlicence: https://example.org/licence\n").syndication().license());
    }

    @Test
    void aNamedFileThatIsMissingIsReportedAndNeverAdvertised(@TempDir Path feeds) throws Exception {
        Path dir = Files.createDirectories(feeds.resolve("world"));
        Files.writeString(dir.resolve("feed.yaml"), "title: World\nicon: icon.png\nlogo: logo.png\n");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("2024-06-01-a.md"), "---\nimage: gone.jpg\n---\nA headline\n\nA paragraph.\n");
        List<Problem> problems = new ArrayList<>();
        LoadedFeed feed = new FeedLoader(feeds, new ArticleParser(), 1 << 20).load("world", problems::add);
        assertEquals(Optional.empty(), feed.definition().syndication().icon(), "a missing icon is left out");
        assertEquals(Optional.of("logo.png"), feed.definition().syndication().logo());
        assertEquals(List.of("logo.png"), List.copyOf(feed.files().keySet()));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("feed.yaml") && p.reason().contains("icon.png")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("2024-06-01-a.md") && p.reason().contains("gone.jpg")), problems.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "icon: icon.txt | 'icon' must be an image",
        "icon: javascript:alert(1) | 'icon' must be an absolute http or https URL or a file in the feed folder",
        "logo: ../outside.png | 'logo' must be an absolute http or https URL",
        "license: creative commons | 'license' must be an absolute http or https URL",
        "link: ftp://news.example/ | 'link' must be an absolute http or https URL",
        "content: teaser | 'content' must be 'full' or 'summary'",
        "colour: red | colour",
    })
    void badValuesAreRefusedWithTheKey(String line, String message) {
        FeedDefinitionException e = assertThrows(FeedDefinitionException.class, () -> read("title: World\n" + line + "\n"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
