package dispatch.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.article.ArticleFormatException;
import dispatch.article.ArticleParser;
import dispatch.feed.FeedDefinition;
import dispatch.feed.FeedFormat;
import dispatch.feed.Links;
import dispatch.feed.Post;
import dispatch.feed.RelatedMode;
import dispatch.feed.Representation;
import dispatch.source.LoadedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link FeedRendering}: every format is rendered and prepared, {@code Last-Modified}
 * is the content's date, republishing identical content keeps the very same
 * {@link Representation}, and when the bytes change without the newest date moving forward (an
 * article deleted or back-dated) {@code Last-Modified} moves forward to the time of the change,
 * never backwards. Plain JUnit; {@code now} is passed in, so no clock is involved.
 */
class FeedRenderingTest {

    private static final ArticleParser PARSER = new ArticleParser();
    private static final FeedRendering RENDERING = new FeedRendering(new Links("https://example.org"), 6);

    private static final Instant JUNE_1 = Instant.parse("2024-06-01T09:00:00Z");
    private static final Instant JUNE_2 = Instant.parse("2024-06-02T09:00:00Z");
    private static final Instant JUNE_3 = Instant.parse("2024-06-03T09:00:00Z");
    private static final Instant NOW = Instant.parse("2024-06-10T12:00:00.750Z");
    private static final Instant LATER = Instant.parse("2024-06-11T08:00:00Z");

    // ---------------------------------------------------------------- helpers

    private static FeedDefinition definition(int ttlMinutes) {
        return new FeedDefinition("world", "World News", "World news", Optional.of("en"), "World Desk",
                Duration.ofMinutes(ttlMinutes), RelatedMode.ENTRIES, 50);
    }

    /** A post without related headlines, parsed afresh on every call. */
    private static Post post(String slug, Instant date) {
        try {
            return new Post(slug, PARSER.parse("Story " + slug + "\n\nWhat happened in story " + slug + ".\n"), date, date);
        } catch (ArticleFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static LoadedFeed feed(Post... posts) {
        return new LoadedFeed(definition(15), List.of(posts));
    }

    private static Representation doc(RenderedFeed feed, FeedFormat format) {
        return feed.document(format).orElseThrow(() -> new AssertionError("no " + format + " document"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    // ---------------------------------------------------------------- first publication

    @Test
    void publishesEveryFormatWithItsContentType() throws IOException {
        RenderedFeed published = RENDERING.render(feed(post("a", JUNE_1)), null, NOW);
        assertEquals("world", published.id());
        for (FeedFormat format : FeedFormat.values()) {
            Representation r = doc(published, format);
            assertEquals(format.contentType(), r.contentType());
            assertTrue(r.body().remaining() > 0);
            assertArrayEquals(bytes(r.body()), gunzip(bytes(r.gzipBody())));
        }
        assertEquals(FeedFormat.values().length, published.documents().size());
        assertEquals(1, published.snapshot().posts().size());
    }

    @Test
    void lastModifiedIsTheContentDateNotTheTimeOfPublishing() {
        RenderedFeed published = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), null, NOW);
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(JUNE_2, doc(published, format).lastModified(), format.label());
        }
        assertEquals(JUNE_2, published.snapshot().updated());
    }

    @Test
    void lastModifiedOfAnEmptyFeedIsTheEpoch() {
        RenderedFeed published = RENDERING.render(feed(), null, NOW);
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(Instant.EPOCH, doc(published, format).lastModified(), format.label());
        }
    }

    /**
     * RFC 9110 §8.8.2.1: an origin server must not send a {@code Last-Modified} later than the
     * time of the response. An article dated in the future (a front matter typo, a scheduled
     * story) must not push the feed's {@code Last-Modified} past {@code now}.
     */
    @Test
    void lastModifiedIsNeverLaterThanNowEvenForAnArticleDatedInTheFuture() {
        Instant future = Instant.parse("2030-01-01T00:00:00Z");
        RenderedFeed published = RENDERING.render(feed(post("a", JUNE_1), post("future", future)), null, NOW);
        for (FeedFormat format : FeedFormat.values()) {
            Instant lastModified = doc(published, format).lastModified();
            assertFalse(lastModified.isAfter(NOW), format.label() + " Last-Modified " + lastModified + " is after now " + NOW);
        }
    }

    @Test
    void publishingTheSameContentTwiceFromScratchGivesTheSameBytesAndTags() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), null, NOW);
        RenderedFeed second = new FeedRendering(new Links("https://example.org"), 6)
                .render(feed(post("b", JUNE_2), post("a", JUNE_1)), null, LATER);
        for (FeedFormat format : FeedFormat.values()) {
            Representation a = doc(first, format);
            Representation b = doc(second, format);
            assertEquals(a.body(), b.body(), format.label());
            assertEquals(a.etag(), b.etag(), format.label());
            assertEquals(a.gzipEtag(), b.gzipEtag(), format.label());
            assertEquals(a.lastModified(), b.lastModified(), "a restart keeps Last-Modified too: " + format.label());
        }
    }

    // ---------------------------------------------------------------- republishing

    @Test
    void republishingIdenticalContentKeepsTheSameRepresentation() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), null, NOW);
        RenderedFeed again = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), first, LATER);
        for (FeedFormat format : FeedFormat.values()) {
            Representation before = doc(first, format);
            Representation after = doc(again, format);
            assertSame(before, after, format.label());
            assertEquals(before.etag(), after.etag());
            assertEquals(before.gzipEtag(), after.gzipEtag());
            assertEquals(JUNE_2, after.lastModified(), "not moved to the time of the reload");
        }
    }

    @Test
    void newerArticleMovesLastModifiedToItsDate() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1)), null, NOW);
        RenderedFeed second = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_3)), first, LATER);
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(JUNE_3, doc(second, format).lastModified(), format.label());
            assertNotEquals(doc(first, format).etag(), doc(second, format).etag());
        }
    }

    @Test
    void deletingAnOlderArticleMovesLastModifiedForwardToNow() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), null, NOW);
        RenderedFeed second = RENDERING.render(feed(post("b", JUNE_2)), first, NOW);
        for (FeedFormat format : FeedFormat.values()) {
            Representation before = doc(first, format);
            Representation after = doc(second, format);
            assertNotEquals(before.etag(), after.etag(), "the bytes changed");
            assertEquals(Instant.parse("2024-06-10T12:00:00Z"), after.lastModified(), "now, to the second: " + format.label());
        }
    }

    @Test
    void deletingTheNewestArticleNeverMovesLastModifiedBackwards() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), null, NOW);
        RenderedFeed second = RENDERING.render(feed(post("a", JUNE_1)), first, NOW);
        assertEquals(JUNE_1, second.snapshot().updated(), "the content's own date went back");
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(Instant.parse("2024-06-10T12:00:00Z"), doc(second, format).lastModified(), format.label());
        }
    }

    @Test
    void deletingEveryArticleMovesLastModifiedForward() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1)), null, NOW);
        RenderedFeed second = RENDERING.render(feed(), first, LATER);
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(LATER, doc(second, format).lastModified(), format.label());
        }
    }

    @Test
    void backDatedArticleMovesLastModifiedForwardToNow() {
        RenderedFeed first = RENDERING.render(feed(post("b", JUNE_2)), null, NOW);
        RenderedFeed second = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), first, LATER);
        for (FeedFormat format : FeedFormat.values()) {
            assertEquals(LATER, doc(second, format).lastModified(), format.label());
        }
    }

    @Test
    void lastModifiedStaysWhenTheClockIsBehindThePreviousLastModified() {
        RenderedFeed first = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2)), null, NOW);
        Instant clockBehind = Instant.parse("2024-05-01T00:00:00Z");
        RenderedFeed second = RENDERING.render(feed(post("a", JUNE_1)), first, clockBehind);
        for (FeedFormat format : FeedFormat.values()) {
            Instant before = doc(first, format).lastModified();
            Instant after = doc(second, format).lastModified();
            // never backwards, and never past the clock: the same second; the ETag tells the versions apart
            assertEquals(before, after, format.label());
            assertNotEquals(doc(first, format).etag(), doc(second, format).etag(), format.label());
        }
    }

    @Test
    void lastModifiedNeverMovesBackwardsOverManyChanges() {
        RenderedFeed current = RENDERING.render(feed(post("a", JUNE_1), post("b", JUNE_2), post("c", JUNE_3)), null, NOW);
        List<LoadedFeed> changes = List.of(
                feed(post("a", JUNE_1), post("b", JUNE_2)),
                feed(post("a", JUNE_1)),
                feed(post("a", JUNE_1), post("c", JUNE_3)),
                feed(post("a", JUNE_1), post("c", JUNE_3)),
                feed());
        Instant now = NOW;
        for (LoadedFeed change : changes) {
            now = now.plusSeconds(60);
            RenderedFeed next = RENDERING.render(change, current, now);
            for (FeedFormat format : FeedFormat.values()) {
                Instant before = doc(current, format).lastModified();
                Instant after = doc(next, format).lastModified();
                assertFalse(after.isBefore(before), format.label() + " went back from " + before + " to " + after);
                if (!doc(next, format).sameBytes(doc(current, format))) {
                    assertTrue(after.isAfter(before), format.label() + " changed bytes but kept " + before);
                }
            }
            current = next;
        }
    }

    @Test
    void changeThatOnlyOneFormatShowsMovesOnlyThatFormatsLastModified() {
        Post a = post("a", JUNE_1);
        RenderedFeed first = RENDERING.render(new LoadedFeed(definition(15), List.of(a)), null, NOW);
        // ttl is written only in RSS
        RenderedFeed second = RENDERING.render(new LoadedFeed(definition(60), List.of(post("a", JUNE_1))), first, LATER);
        assertEquals(LATER, doc(second, FeedFormat.RSS).lastModified());
        assertNotEquals(doc(first, FeedFormat.RSS).etag(), doc(second, FeedFormat.RSS).etag());
        assertSame(doc(first, FeedFormat.ATOM), doc(second, FeedFormat.ATOM));
        assertSame(doc(first, FeedFormat.JSON), doc(second, FeedFormat.JSON));
    }
}
