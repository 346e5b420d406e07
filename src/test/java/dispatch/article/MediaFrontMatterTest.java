package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A lead image and enclosures in front matter: read, typed, and refused with a reason when malformed. */
class MediaFrontMatterTest {

    private static FrontMatter meta(String yaml) throws ArticleFormatException {
        return new ArticleParser().parse("---\n" + yaml + "---\nA headline\n\nA paragraph.\n").meta();
    }

    @Test
    void anImageIsAUrlOrAFileWithAltTextAndSize() throws Exception {
        assertEquals(Optional.of(new Media.Image("https://img.example/a.jpg", Optional.empty(), OptionalInt.empty(), OptionalInt.empty())),
                meta("image: https://img.example/a.jpg\n").image());
        assertEquals(Optional.of(new Media.Image("lead.jpg", Optional.of("A square"), OptionalInt.of(640), OptionalInt.of(480))),
                meta("image:\n  url: lead.jpg\n  alt: A square\n  width: 640\n  height: 480\n").image());
    }

    @Test
    void commonAlternativeSpellingsAreRead() throws Exception {
        assertEquals(Optional.of(new Media.Image("a.png", Optional.of("T"), OptionalInt.of(1200), OptionalInt.of(630))),
                meta("image:\n  url: a.png\n  title: T\n  size: 1200x630\n").image());
        assertEquals(List.of(new Media.Enclosure("https://cdn.example/x.mp3", "audio/mpeg", OptionalLong.of(5))),
                meta("enclosures:\n  - url: https://cdn.example/x.mp3\n    mime_type: audio/mpeg\n    size: 5\n").enclosures());
    }

    @Test
    void enclosuresKeepTheirTypeAndTheLengthGivenOrNone() throws Exception {
        List<Media.Enclosure> e = meta("""
                enclosures:
                  - url: episode.mp3
                  - url: https://cdn.example/hq.mp3
                    type: audio/mpeg
                    length: 1234
                  - url: https://cdn.example/notes.pdf
                    type: application/pdf
                """).enclosures();
        assertEquals(List.of(new Media.Enclosure("episode.mp3", "audio/mpeg", OptionalLong.empty()),
                new Media.Enclosure("https://cdn.example/hq.mp3", "audio/mpeg", OptionalLong.of(1234)),
                new Media.Enclosure("https://cdn.example/notes.pdf", "application/pdf", OptionalLong.empty())), e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "image: javascript:alert(1) | 'image' must be an absolute http or https URL",
        "'image:\n  alt: no url' | 'image' needs a url",
        "'image:\n  url: a.png\n  width: 0' | width that is not a number of pixels",
        "'enclosures:\n  - url: https://cdn.example/x' | needs a type",
        "'enclosures:\n  - url: x.mp3\n    type: audio' | not a media type",
        "'enclosures:\n  - url: x.mp3\n    length: -1' | negative length",
        "'enclosures:\n  - url: ../x.mp3\n    type: audio/mpeg' | must be an absolute http or https URL",
        "'image:\n  url: a.png\n  colour: red' | colour",
        "'image:\n  url: a.png\n  size: large' | WIDTHxHEIGHT",
    })
    void malformedMediaIsRefused(String yaml, String message) {
        ArticleFormatException e = assertThrows(ArticleFormatException.class, () -> meta(yaml + "\n"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
