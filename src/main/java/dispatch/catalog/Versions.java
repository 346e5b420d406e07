package dispatch.catalog;

import dispatch.catalog.FeedChange.Validators;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions of a feed that a delta (RFC 3229, {@code A-IM: feed}) may start from: the current
 * one and a bounded number before it, newest first. A version is remembered by its documents'
 * entity tags and a 64-bit print of each entry ({@link Entry#print}), not by its entries: under
 * 2 KB each for 100 entries.
 *
 * @param current the version being served
 * @param older the versions before it, newest first
 */
public record Versions(Version current, List<Version> older) {

    /** Copies the list. */
    public Versions {
        older = List.copyOf(older);
    }

    /**
     * One version of a feed's documents.
     *
     * @param validators each document's validators
     * @param prints the prints of its current document's entries ({@link Entry#print}), in the
     *     document's order, taken before each document spaces out its entries' {@code updated}
     *     times: an entry whose time moved only for that holds the same print; empty once it is
     *     no longer the current version (only {@code sorted} is asked then)
     * @param sorted the same prints, sorted
     * @param at when it was rendered
     */
    public record Version(Map<FeedFormat, Validators> validators, long[] prints, long[] sorted, Instant at) {

        /** The version of {@code entries} (as assembled, before spacing), published with {@code validators} at {@code at}. */
        public static Version of(Map<FeedFormat, Validators> validators, List<Entry> entries, Instant at) {
            long[] prints = new long[entries.size()];
            for (int i = 0; i < prints.length; i++) {
                prints[i] = entries.get(i).print();
            }
            long[] sorted = prints.clone();
            Arrays.sort(sorted);
            return new Version(Map.copyOf(validators), prints, sorted, at);
        }

        /** Whether its document in {@code format} had the strong entity tag {@code etag}, in either coding. */
        boolean tagged(FeedFormat format, String etag) {
            Validators v = validators.get(format);
            return v != null && (etag.equals(v.etag()) || etag.equals(v.gzipEtag()));
        }

        /** The same version without its prints in order: an earlier version is only asked what it held. */
        Version earlier() {
            return new Version(validators, new long[0], sorted, at);
        }

        /** Whether it published an entry with {@code print}. */
        public boolean holds(long print) {
            return Arrays.binarySearch(sorted, print) >= 0;
        }
    }

    /** The versions of a feed first served as {@code current}. */
    public static Versions first(Version current) {
        return new Versions(current, List.of());
    }

    /** These versions after {@code next} is served, remembering at most {@code keep} before it. */
    public Versions then(Version next, int keep) {
        if (keep <= 0) {
            return first(next);
        }
        List<Version> kept = new ArrayList<>(Math.min(keep, older.size() + 1));
        kept.add(current.earlier());
        for (int i = 0; i < older.size() && kept.size() < keep; i++) {
            kept.add(older.get(i));
        }
        return new Versions(next, kept);
    }

    /** The earlier version whose document in {@code format} had the entity tag {@code etag}, if one is remembered. */
    public Optional<Version> earlier(FeedFormat format, String etag) {
        return older.stream().filter(v -> v.tagged(format, etag)).findFirst();
    }
}
