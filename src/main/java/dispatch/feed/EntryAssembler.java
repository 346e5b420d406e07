package dispatch.feed;

import dispatch.article.Block;
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
import java.util.Set;
import java.util.UUID;
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

    /** Assembles the snapshot of the feed {@code definition} describes, made of {@code posts}. */
    public FeedSnapshot assemble(FeedDefinition definition, List<Post> posts) {
        List<Post> sorted = posts.stream().sorted(NEWEST_FIRST).toList();
        Map<String, Post> byTitle = new HashMap<>();
        for (Post p : sorted) {
            byTitle.putIfAbsent(titleKey(p.title()), p);
        }
        List<PublishedPost> published = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (Post post : sorted) {
            PublishedPost pp = publish(definition, post, byTitle);
            published.add(pp);
            entries.add(articleEntry(pp));
            for (Headline h : pp.headlines()) {
                if (h.hasEntry()) {
                    entries.add(relatedEntry(pp, h));
                }
            }
            if (post.updated().isAfter(updated)) {
                updated = post.updated();
            }
        }
        spaceOutUpdated(entries);
        List<Entry> newest = entries.size() > definition.limit() ? entries.subList(0, definition.limit()) : entries;
        for (Entry e : newest) {
            if (e.updated().isAfter(updated)) {
                updated = e.updated();
            }
        }
        return new FeedSnapshot(definition, published, newest, updated);
    }

    private PublishedPost publish(FeedDefinition definition, Post post, Map<String, Post> byTitle) {
        String feedId = definition.id();
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

    private static Entry articleEntry(PublishedPost pp) {
        Post post = pp.post();
        int size = 256;
        for (Block block : post.article().body()) {
            size += block.text().length() + 24;
        }
        StringBuilder html = new StringBuilder(size);
        for (Block block : post.article().body()) {
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
            html.append("<p>").append(Html.escape(post.title())).append("</p>\n");
        }
        List<Entry.RelatedLink> related = pp.headlines().stream()
                .filter(h -> h.target() != Target.ANCHOR)
                .map(h -> new Entry.RelatedLink(h.href(), h.text()))
                .toList();
        Optional<String> summary = Optional.of(post.article().summary().orElse(post.title()));
        return new Entry(pp.id(), post.title(), pp.permalink(), summary, html.toString(),
                post.published(), post.updated(), post.article().author(),
                post.article().categories(), related, post.article().meta().link(), post.article().page().contributors());
    }

    private static Entry relatedEntry(PublishedPost pp, Headline h) {
        Post post = pp.post();
        String html = "<p>" + Html.escape(h.text()) + "</p>\n<p>Related to <a href=\"" + Html.escape(pp.permalink())
                + "\">" + Html.escape(post.title()) + "</a></p>\n";
        String id = relatedId(pp.id(), h.fragment());
        return new Entry(id, h.text(), h.href(), Optional.of("Related to: " + post.title()), html, post.published(), post.updated(),
                post.article().author(), post.article().categories(),
                List.of(new Entry.RelatedLink(pp.permalink(), post.title())), Optional.empty(), List.of());
    }

    /**
     * Gives each run of consecutive entries that share one {@code updated} time (an article and
     * its related headlines; same-day articles dated by a file-name prefix; files saved in the
     * same second) times one second apart: the last of the run keeps the time, each one before it
     * a second more. Readers sorting by date then keep the feed's order, and no two entries share
     * an {@code updated} time, which the W3C validator warns about. Adding an entry to a run moves
     * the times of the entries before it by a second; ids and {@code published} never change.
     */
    private static void spaceOutUpdated(List<Entry> entries) {
        int i = 0;
        while (i < entries.size()) {
            Instant t = entries.get(i).updated();
            int j = i;
            while (j < entries.size() && entries.get(j).updated().equals(t)) {
                j++;
            }
            for (int k = i; k < j - 1; k++) {
                entries.set(k, entries.get(k).updatedAt(t.plusSeconds(j - 1 - k)));
            }
            i = j;
        }
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
