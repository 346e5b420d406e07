package dispatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.api.ApiProblem.Kind;
import dispatch.article.Syntax;
import dispatch.catalog.FeedSource;
import dispatch.catalog.FeedSource.FeedWrite;
import dispatch.catalog.LiveCatalog;
import dispatch.feed.FeedId;
import dispatch.feed.Links;
import dispatch.feed.Slugs;
import dispatch.source.ArticleFiles;
import dispatch.source.ArticleFiles.Stored;
import dispatch.source.FeedDefinitionException;
import dispatch.source.FeedDefinitionReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publish API's operations on articles and feed definitions, in plain Java: each checks its
 * preconditions, writes the files durably, commits them to the {@link FeedSource} (in a cluster,
 * the database) and renders the feed again before it answers, so a {@code 2xx} means the change
 * is lasting and served in every format. Writes to one feed are made one at a time, across
 * replicas too. A refused request changes nothing.
 */
final class Publishing {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleFiles files;
    private final FeedSource source;
    private final LiveCatalog live;
    private final ArticleBodies bodies;
    private final Links links;
    private final Clock clock;

    Publishing(FeedSource source, LiveCatalog live, ArticleBodies bodies, Links links, Clock clock, long maxBytes) {
        this.source = source;
        this.files = new ArticleFiles(source.feedsDir(), maxBytes);
        this.live = live;
        this.bodies = bodies;
        this.links = links;
        this.clock = clock;
    }

    /** {@code GET /api/feeds/{feed}/articles}: every article's slug and entity tag. */
    ApiResponse listArticles(String feed) throws ApiProblem, IOException {
        requireFeed(feed);
        List<Map<String, String>> articles = new ArrayList<>();
        files.articles(feed).forEach((slug, stored) -> articles.add(Map.of("slug", slug, "etag", stored.etag(), "href", articleUrl(feed, slug))));
        return json(200, Map.of("feed", feed, "articles", articles));
    }

    /** {@code GET /api/feeds/{feed}/articles/{slug}}: the article as stored. */
    ApiResponse getArticle(String feed, String slug) throws ApiProblem, IOException {
        requireFeed(feed);
        Stored stored = files.article(feed, requireSlug(slug)).orElseThrow(() -> noArticle(feed, slug));
        String type = stored.syntax() == Syntax.MARKDOWN ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8";
        return ApiResponse.of(200, type, stored.bytes()).with("ETag", stored.etag());
    }

    /** {@code POST /api/feeds/{feed}/articles}: a new article, at {@code slugHint} or a slug from its date and title. */
    ApiResponse createArticle(String feed, String contentType, byte[] body, String slugHint) throws ApiProblem, IOException {
        requireFeedId(feed);
        ArticleBodies.Checked checked = bodies.check(contentType, body);
        String slug;
        if (slugHint != null && !slugHint.isBlank()) {
            slug = Slugs.of(slugHint);
        } else {
            LocalDate date = checked.article().date().map(d -> d.atZone(ZoneOffset.UTC).toLocalDate())
                    .orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            slug = date + "-" + Slugs.of(checked.article().title());
        }
        try (FeedWrite write = source.write(feed)) {
            requireFeed(feed); // in the write, which brings a replica's copy of the feed up to date
            if (files.article(feed, slug).isPresent()) {
                throw new ApiProblem(Kind.SLUG_TAKEN, "Feed '" + feed + "' already has an article '" + slug
                        + "'; replace it with PUT " + articleUrl(feed, slug) + " and If-Match, or send another Slug.");
            }
            return store(write, feed, slug, checked, 201);
        }
    }

    /** {@code PUT /api/feeds/{feed}/articles/{slug}}: creates or replaces; replacing needs {@code If-Match}. */
    ApiResponse putArticle(String feed, String slug, String contentType, byte[] body, String ifMatch, String ifNoneMatch)
            throws ApiProblem, IOException {
        requireFeedId(feed);
        requireSlug(slug);
        ArticleBodies.Checked checked = bodies.check(contentType, body);
        try (FeedWrite write = source.write(feed)) {
            requireFeed(feed); // in the write, which brings a replica's copy of the feed up to date
            Optional<Stored> current = files.article(feed, slug);
            WriteConditions.check(current.map(Stored::etag), ifMatch, ifNoneMatch);
            return store(write, feed, slug, checked, current.isPresent() ? 200 : 201);
        }
    }

    /** {@code DELETE /api/feeds/{feed}/articles/{slug}}: needs {@code If-Match}. */
    ApiResponse deleteArticle(String feed, String slug, String ifMatch) throws ApiProblem, IOException {
        requireFeedId(feed);
        try (FeedWrite write = source.write(feed)) {
            requireFeed(feed); // in the write, which brings a replica's copy of the feed up to date
            Stored current = files.article(feed, requireSlug(slug)).orElseThrow(() -> noArticle(feed, slug));
            WriteConditions.check(Optional.of(current.etag()), ifMatch, null);
            files.deleteArticle(feed, slug);
            publish(write, feed);
            return ApiResponse.empty(204);
        }
    }

    /** {@code GET /api/feeds/{feed}}: the feed's {@code feed.yaml} as stored. */
    ApiResponse getFeed(String feed) throws ApiProblem, IOException {
        Stored stored = files.definition(requireFeedId(feed)).orElseThrow(() -> noFeed(feed));
        return ApiResponse.of(200, "application/yaml; charset=utf-8", stored.bytes()).with("ETag", stored.etag());
    }

    /** {@code PUT /api/feeds/{feed}}: creates or replaces the feed's {@code feed.yaml}; replacing needs {@code If-Match}. */
    ApiResponse putFeed(String feed, String contentType, byte[] yaml, String ifMatch, String ifNoneMatch) throws ApiProblem, IOException {
        requireFeedId(feed);
        ArticleBodies.MediaType type = ArticleBodies.MediaType.parse(contentType);
        if (type == null || !type.charsetIsUtf8() || !List.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml").contains(type.name())) {
            throw new ApiProblem(Kind.UNSUPPORTED_MEDIA_TYPE, "Send a feed.yaml as application/yaml (UTF-8).");
        }
        try {
            FeedDefinitionReader.read(feed, yaml);
        } catch (FeedDefinitionException e) {
            throw new ApiProblem(e.getCause() instanceof dispatch.text.TextException t && t.getMessage().startsWith("not valid")
                    ? Kind.MALFORMED_BODY : Kind.UNPUBLISHABLE, "The feed.yaml cannot be used: " + e.getMessage() + ".");
        }
        try (FeedWrite write = source.write(feed)) {
            Optional<Stored> current = files.definition(feed);
            WriteConditions.check(current.map(Stored::etag), ifMatch, ifNoneMatch);
            files.writeDefinition(feed, yaml);
            publish(write, feed);
            String etag = ArticleFiles.etagOf(yaml);
            return json(current.isPresent() ? 200 : 201, Map.of("feed", feed, "etag", etag, "href", links.feedHome(feed)))
                    .with("ETag", etag).with("Location", links.base() + "/api/feeds/" + feed);
        }
    }

    /** {@code DELETE /api/feeds/{feed}}: removes the feed and its articles; needs {@code If-Match} of its {@code feed.yaml}. */
    ApiResponse deleteFeed(String feed, String ifMatch) throws ApiProblem, IOException {
        try (FeedWrite write = source.write(requireFeedId(feed))) {
            Stored current = files.definition(feed).orElseThrow(() -> noFeed(feed));
            WriteConditions.check(Optional.of(current.etag()), ifMatch, null);
            files.deleteFeed(feed);
            publish(write, feed);
            return ApiResponse.empty(204);
        }
    }

    /** Commits the change {@code write} made to feed {@code feed}, and serves it. */
    private void publish(FeedWrite write, String feed) throws IOException {
        write.commit(() -> live.reload(feed));
    }

    /** {@code POST /api/import}: copies every feed of {@code folder} (the configured feeds directory) into a cluster's database. */
    ApiResponse importFeeds(Path folder) throws ApiProblem, IOException {
        if (!source.imports()) {
            throw new ApiProblem(Kind.NOT_FOUND, "Import is for cluster mode (dispatch.source=postgresql): here the feeds directory is the source.");
        }
        List<String> imported = source.importFeeds(folder);
        return json(200, Map.of("from", folder.toAbsolutePath().normalize().toString(), "imported", imported));
    }

    private ApiResponse store(FeedWrite write, String feed, String slug, ArticleBodies.Checked checked, int status) throws IOException {
        files.writeArticle(feed, slug, checked.syntax(), checked.bytes());
        publish(write, feed);
        String etag = ArticleFiles.etagOf(checked.bytes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feed", feed);
        body.put("slug", slug);
        body.put("etag", etag);
        body.put("draft", checked.article().meta().draft());
        body.put("href", links.permalink(feed, slug));
        return json(status, body).with("ETag", etag).with("Location", articleUrl(feed, slug));
    }

    private void requireFeed(String feed) throws ApiProblem, IOException {
        if (files.definition(requireFeedId(feed)).isEmpty()) {
            throw noFeed(feed);
        }
    }

    private static String requireFeedId(String feed) throws ApiProblem {
        if (!FeedId.isValid(feed)) {
            throw new ApiProblem(Kind.NOT_FOUND, "There is no feed named '" + feed + "': a feed id must " + FeedId.RULE.substring(4) + ".");
        }
        return feed;
    }

    private static String requireSlug(String slug) throws ApiProblem {
        if (slug == null || slug.isEmpty() || !Slugs.of(slug).equals(slug)) {
            throw new ApiProblem(Kind.NOT_FOUND, "'" + slug + "' is not a slug: use lowercase letters, digits and single '-', at most 80 characters.");
        }
        return slug;
    }

    private static ApiProblem noFeed(String feed) {
        return new ApiProblem(Kind.NOT_FOUND, "There is no feed named '" + feed + "'; create it with PUT /api/feeds/" + feed + ".");
    }

    private static ApiProblem noArticle(String feed, String slug) {
        return new ApiProblem(Kind.NOT_FOUND, "Feed '" + feed + "' has no article '" + slug + "'.");
    }

    private String articleUrl(String feed, String slug) {
        return links.base() + "/api/feeds/" + feed + "/articles/" + slug;
    }

    private static ApiResponse json(int status, Object body) {
        try {
            return ApiResponse.of(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }
}
