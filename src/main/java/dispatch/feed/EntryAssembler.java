package dispatch.feed;

import dispatch.article.Block;
import dispatch.article.FrontMatter;
import dispatch.article.Media;
import dispatch.feed.PublishedPost.Headline;
import dispatch.feed.PublishedPost.Target;
import dispatch.text.Html;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a feed's posts into its {@link FeedSnapshot}: one entry per article and, in
 * {@link RelatedMode#ENTRIES} mode, one per related headline, each with a stable id and absolute
 * links. A related headline that is the title of another article of the same feed links to that
 * article instead of becoming an entry.
 */
public final class EntryAssembler {

    /** Newest first; the slug breaks ties so that the order never depends on file-system order. */
    private static final Comparator<Post> NEWEST_FIRST =
            Comparator.comparing(Post::published).reversed().thenComparing(Post::slug);

    /** White space, no-break spaces included. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private final Links links;

    /** An assembler that builds URLs and ids with {@code links}. */
    public EntryAssembler(Links links) {
        this.links = links;
    }

    /** Assembles the snapshot of the feed {@code definition} describes, made of {@code posts}, naming no files. */
    public FeedSnapshot assemble(FeedDefinition definition, List<Post> posts) {
        return assemble(definition, posts, Map.of());
    }

    /**
     * Assembles the snapshot of the feed {@code definition} describes, made of {@code posts}; the
     * feed folder holds the files of {@code fileSizes} (name to bytes), which images and
     * enclosures may name. A name whose file is not there is left out.
     */
    public FeedSnapshot assemble(FeedDefinition definition, List<Post> posts, Map<String, Long> fileSizes) {
        return assemble(definition, definition.id(), posts, fileSizes, post -> true);
    }

    /**
     * Assembles the snapshot of a feed derived from the posts of feed {@code feedId}, such as one
     * category's: only the posts {@code include} takes, with the ids and links they have in that
     * feed, linked to the others as the whole feed links them.
     */
    public FeedSnapshot assemble(FeedDefinition definition, String feedId, List<Post> posts, Map<String, Long> fileSizes,
            Predicate<Post> include) {
        FeedEntries all = all(definition, feedId, posts, fileSizes, include);
        List<Entry> entries = all.entries();
        return all.snapshot(entries.size() > definition.limit() ? entries.subList(0, definition.limit()) : entries);
    }

    /**
     * Every entry of the feed {@code definition} describes, made of {@code posts}, newest first:
     * what its current document and its archive pages ({@link Archives}) are cut from. Each
     * document spaces out its own entries' {@code updated} times ({@link UpdatedTimes}), so that
     * what one holds never moves the times of another's.
     */
    public FeedEntries all(FeedDefinition definition, List<Post> posts, Map<String, Long> fileSizes) {
        return all(definition, definition.id(), posts, fileSizes, post -> true);
    }

    private FeedEntries all(FeedDefinition definition, String feedId, List<Post> posts, Map<String, Long> fileSizes, Predicate<Post> include) {
        List<Post> sorted = posts.stream().sorted(NEWEST_FIRST).toList();
        Map<String, Post> byTitle = new HashMap<>();
        for (Post p : sorted) {
            byTitle.putIfAbsent(titleKey(p.title()), p);
        }
        List<PublishedPost> published = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (Post post : sorted) {
            if (!include.test(post)) {
                continue;
            }
            PublishedPost pp = publish(definition, feedId, post, byTitle);
            published.add(pp);
            entries.add(articleEntry(definition, feedId, pp, fileSizes));
            for (Headline h : pp.headlines()) {
                if (h.hasEntry()) {
                    entries.add(relatedEntry(pp, h));
                }
            }
            if (post.updated().isAfter(updated)) {
                updated = post.updated();
            }
        }
        return new FeedEntries(definition, published, entries, updated);
    }

    private PublishedPost publish(FeedDefinition definition, String feedId, Post post, Map<String, Post> byTitle) {
        String permalink = links.permalink(feedId, post.slug());
        String id = post.article().meta().id().orElseGet(() -> links.tag(feedId, post.slug(), post.published()));
        List<Headline> headlines = new ArrayList<>();
        Set<String> fragments = new HashSet<>();
        for (String text : post.article().related()) {
            String fragment = uniqueFragment("related-" + Slugs.of(text), fragments);
            Post other = byTitle.get(titleKey(text));
            if (other != null && other != post) {
                headlines.add(new Headline(text, fragment, links.permalink(feedId, other.slug()), Target.ARTICLE));
            } else {
                Target target = definition.related() == RelatedMode.ENTRIES ? Target.ENTRY : Target.ANCHOR;
                headlines.add(new Headline(text, fragment, permalink + "#" + fragment, target));
            }
        }
        return new PublishedPost(post, id, permalink, headlines);
    }

    private Entry articleEntry(FeedDefinition definition, String feedId, PublishedPost pp, Map<String, Long> fileSizes) {
        Post post = pp.post();
        FrontMatter meta = post.article().meta();
        Optional<Media.Image> image = image(feedId, post, fileSizes);
        List<Media.Enclosure> enclosures = enclosures(feedId, post, fileSizes);
        Optional<String> summary = Optional.of(post.article().summary().orElse(post.title()));
        List<Entry.RelatedLink> related = pp.headlines().stream()
                .filter(h -> h.target() != Target.ANCHOR)
                .map(h -> new Entry.RelatedLink(h.href(), h.text()))
                .toList();
        String html = definition.syndication().content() == Syndication.ContentMode.SUMMARY
                ? imageHtml(image) + "<p>" + Html.escape(summary.get()) + "</p>\n<p><a href=\"" + Html.escape(pp.permalink())
                        + "\">Read the whole article</a></p>\n"
                : imageHtml(image) + bodyHtml(pp);
        return new Entry(pp.id(), post.title(), pp.permalink(), summary, html,
                post.published(), post.updated(), post.article().author(),
                post.article().categories(), related, meta.link(), post.article().page().contributors(), image, enclosures);
    }

    /** {@code post}'s lead image at its absolute URL; none when it names a file the feed folder does not hold. */
    public Optional<Media.Image> image(String feedId, Post post, Map<String, Long> fileSizes) {
        return post.article().meta().image()
                .filter(i -> !Media.isFileName(i.url()) || fileSizes.containsKey(i.url()))
                .map(i -> i.at(links.asset(feedId, i.url())));
    }

    /** {@code post}'s enclosures at absolute URLs, a file in the feed folder with its length; one whose file is missing left out. */
    public List<Media.Enclosure> enclosures(String feedId, Post post, Map<String, Long> fileSizes) {
        List<Media.Enclosure> enclosures = new ArrayList<>();
        for (Media.Enclosure e : post.article().meta().enclosures()) {
            if (!Media.isFileName(e.url())) {
                enclosures.add(e);
            } else if (fileSizes.containsKey(e.url())) {
                enclosures.add(e.at(links.file(feedId, e.url()), OptionalLong.of(fileSizes.get(e.url()))));
            }
        }
        return enclosures;
    }

    /** The lead image as the first thing of an entry's content. */
    private static String imageHtml(Optional<Media.Image> image) {
        if (image.isEmpty()) {
            return "";
        }
        Media.Image i = image.get();
        StringBuilder html = new StringBuilder("<p><img src=\"").append(Html.escape(i.url())).append("\" alt=\"")
                .append(Html.escape(i.alt().orElse(""))).append('"');
        i.width().ifPresent(w -> html.append(" width=\"").append(w).append('"'));
        i.height().ifPresent(h -> html.append(" height=\"").append(h).append('"'));
        return html.append(" /></p>\n").toString();
    }

    /** The article's text, then its related headlines, as HTML. */
    private static String bodyHtml(PublishedPost pp) {
        List<Block> body = List.copyOf(pp.post().article().body()); // unpacked once
        int size = 256;
        for (Block block : body) {
            size += block.text().length() + 24;
        }
        StringBuilder html = new StringBuilder(size);
        for (Block block : body) {
            if (block.isPlainText()) {
                block.appendHtml(html).append('\n'); // no URLs to resolve: escaped straight into the entry
            } else {
                html.append(Html.absoluteUrls(block.html(), pp.permalink())).append('\n');
            }
        }
        if (!pp.headlines().isEmpty()) {
            html.append("<h3>Related</h3>\n<ul>\n");
            for (Headline h : pp.headlines()) {
                html.append("<li><a href=\"").append(Html.escape(h.href())).append("\">")
                        .append(Html.escape(h.text())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        if (html.length() == 0) {
            html.append("<p>").append(Html.escape(pp.post().title())).append("</p>\n");
        }
        return html.toString();
    }

    private static Entry relatedEntry(PublishedPost pp, Headline h) {
        Post post = pp.post();
        String html = "<p>" + Html.escape(h.text()) + "</p>\n<p>Related to <a href=\"" + Html.escape(pp.permalink())
                + "\">" + Html.escape(post.title()) + "</a></p>\n";
        String id = relatedId(pp.id(), h.fragment());
        return new Entry(id, h.text(), h.href(), Optional.of("Related to: " + post.title()), html, post.published(), post.updated(),
                post.article().author(), post.article().categories(),
                List.of(new Entry.RelatedLink(pp.permalink(), post.title())), Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    /**
     * The id of a related headline's entry, derived from its article's id: a name-based UUID for
     * a {@code urn:uuid:} id (which cannot take a fragment), else the id with the fragment.
     */
    static String relatedId(String articleId, String fragment) {
        if (articleId.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            byte[] name = (articleId + "#" + fragment).getBytes(StandardCharsets.UTF_8);
            return "urn:uuid:" + UUID.nameUUIDFromBytes(name);
        }
        return articleId + (articleId.contains("#") ? "-" : "#") + fragment;
    }

    private static String uniqueFragment(String base, Set<String> taken) {
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** Titles match when they differ only in case and white space. */
    private static String titleKey(String title) {
        return SPACES.matcher(title).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
