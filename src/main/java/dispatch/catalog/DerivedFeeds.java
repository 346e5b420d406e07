package dispatch.catalog;

import dispatch.feed.Entry;
import dispatch.feed.FeedDefinition;
import dispatch.feed.FeedSnapshot;
import dispatch.feed.Links;
import dispatch.feed.Post;
import dispatch.feed.PublishedPost;
import dispatch.feed.RelatedMode;
import dispatch.feed.Slugs;
import dispatch.feed.Syndication;
import dispatch.feed.UpdatedTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Feeds made of other feeds' entries: one per category a feed's articles use
 * ({@code /feeds/<feed>/categories/<category>/}), and the combined feed of every feed
 * ({@code /feeds/all/}). Each is a pure function of the feeds it is made of, so its bytes and
 * validators agree across restarts and replicas. They advertise no WebSub hub: the hub's topics
 * are the feeds themselves.
 */
public final class DerivedFeeds {

    /** The combined feed's id, and its path segment. */
    public static final String ALL = "all";

    private final FeedRendering rendering;
    private final Clock clock;

    /** Derived feeds rendered with {@code rendering}. */
    public DerivedFeeds(FeedRendering rendering, Clock clock) {
        this.rendering = rendering;
        this.clock = clock;
    }

    /** The categories {@code feed}'s articles use, by their URL slug, in slug order. */
    public static Map<String, String> categories(RenderedFeed feed) {
        Map<String, String> bySlug = new TreeMap<>();
        for (PublishedPost pp : feed.snapshot().posts()) {
            for (String category : pp.post().article().categories()) {
                String slug = Slugs.of(category);
                if (!slug.isEmpty()) {
                    bySlug.putIfAbsent(slug, category);
                }
            }
        }
        return bySlug;
    }

    /** The feed of {@code feed}'s articles in the category whose slug is {@code slug}, if its articles use it. */
    public Optional<RenderedFeed> category(RenderedFeed feed, String slug) {
        String name = categories(feed).get(slug);
        if (name == null) {
            return Optional.empty();
        }
        FeedDefinition derived = categoryDefinition(feed, slug, name);
        String feedId = feed.id();
        List<Post> posts = feed.snapshot().posts().stream().map(PublishedPost::post).toList();
        FeedSnapshot snapshot = rendering.assembler().assemble(derived, feedId, posts, feed.fileSizes(),
                post -> post.article().categories().stream().anyMatch(c -> Slugs.of(c).equals(slug)));
        return Optional.of(rendering.renderDerived(snapshot, feed.lastModified(), clock.instant()));
    }

    /**
     * The definition of {@code feed}'s category {@code name}, whose slug is {@code slug}: its id
     * ({@code <feed>/categories/<slug>}), title and description, and the feed's images at
     * absolute URLs (their file names belong to the feed's folder, not the category's path).
     */
    public FeedDefinition categoryDefinition(RenderedFeed feed, String slug, String name) {
        FeedDefinition def = feed.snapshot().definition();
        Links links = rendering.links();
        Syndication s = def.syndication();
        Syndication absolute = new Syndication(s.icon().map(i -> links.asset(def.id(), i)), s.logo().map(l -> links.asset(def.id(), l)),
                s.rights(), s.license(), List.of(name), s.link(), s.content());
        return def.derived(def.id() + "/categories/" + slug, def.title() + ": " + name, def.title() + ", the articles in " + name)
                .withSyndication(absolute);
    }

    /** The combined feed of every feed in {@code catalog}: the newest {@code limit} of all their entries. */
    public RenderedFeed combined(Catalog catalog, String title, int limit) {
        List<Entry> entries = new ArrayList<>();
        List<PublishedPost> posts = new ArrayList<>();
        Duration ttl = FeedDefinition.DEFAULT_TTL;
        for (RenderedFeed feed : catalog.feeds().values()) {
            entries.addAll(feed.snapshot().entries());
            posts.addAll(feed.snapshot().posts());
            if (feed.snapshot().definition().ttl().compareTo(ttl) < 0) {
                ttl = feed.snapshot().definition().ttl();
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
        List<Entry> newest = new ArrayList<>(entries.size() > limit ? entries.subList(0, limit) : entries);
        UpdatedTimes.spaceOut(newest); // two feeds may publish in the same second
        posts.sort(Comparator.comparing((PublishedPost pp) -> pp.post().published()).reversed().thenComparing(PublishedPost::permalink));
        FeedDefinition def = new FeedDefinition(ALL, title, "Every feed of this site, newest first", Optional.empty(), title, ttl,
                RelatedMode.ENTRIES, limit);
        FeedSnapshot snapshot = new FeedSnapshot(def, posts, newest,
                newest.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH));
        Instant sources = catalog.feeds().values().stream().map(RenderedFeed::lastModified).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return rendering.renderDerived(snapshot, sources, clock.instant());
    }
}
