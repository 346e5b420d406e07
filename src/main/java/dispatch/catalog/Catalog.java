package dispatch.catalog;

import dispatch.source.Problem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything Dispatch serves at one moment: every published feed, and every file that could not
 * be published. Immutable; a content change makes a new catalog.
 *
 * @param feeds published feeds by id, in id order
 * @param problems files left out, and why
 */
public record Catalog(Map<String, RenderedFeed> feeds, List<Problem> problems) {

    /** A catalog with nothing in it. */
    public static final Catalog EMPTY = new Catalog(Map.of(), List.of());

    /** Creates a catalog; the map and list are copied. */
    public Catalog {
        feeds = Collections.unmodifiableMap(new TreeMap<>(feeds));
        problems = List.copyOf(problems);
    }

    /** The feed named {@code id}, if it is published. */
    public Optional<RenderedFeed> feed(String id) {
        return Optional.ofNullable(feeds.get(id));
    }
}
