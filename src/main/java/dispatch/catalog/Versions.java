package dispatch.catalog;

import dispatch.catalog.FeedChange.Validators;
import dispatch.feed.Entry;
import dispatch.feed.FeedFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions of a feed that a delta (RFC 3229, {@code A-IM: feed}) may start from: the current
 * one and a bounded number before it, newest first. A version is remembered by its documents'
 * entity tags and a 64-bit print of each entry, not by its entries: a few hundred bytes each.
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
     * @param prints the prints of its current document's entries, sorted
     * @param at when it was rendered
     */
    public record Version(Map<FeedFormat, Validators> validators, long[] prints, Instant at) {

        /** The version of {@code entries}, published with {@code validators} at {@code at}. */
        public static Version of(Map<FeedFormat, Validators> validators, List<Entry> entries, Instant at) {
            long[] prints = new long[entries.size()];
            for (int i = 0; i < prints.length; i++) {
                prints[i] = print(entries.get(i));
            }
            Arrays.sort(prints);
            return new Version(Map.copyOf(validators), prints, at);
        }

        /** Whether its document in {@code format} had the strong entity tag {@code etag}, in either coding. */
        boolean tagged(FeedFormat format, String etag) {
            Validators v = validators.get(format);
            return v != null && (etag.equals(v.etag()) || etag.equals(v.gzipEtag()));
        }

        /** Whether it published {@code entry} as it is now. */
        public boolean holds(Entry entry) {
            return Arrays.binarySearch(prints, print(entry)) >= 0;
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
        kept.add(current);
        for (int i = 0; i < older.size() && kept.size() < keep; i++) {
            kept.add(older.get(i));
        }
        return new Versions(next, kept);
    }

    /** The earlier version whose document in {@code format} had the entity tag {@code etag}, if one is remembered. */
    public Optional<Version> earlier(FeedFormat format, String etag) {
        return older.stream().filter(v -> v.tagged(format, etag)).findFirst();
    }

    /**
     * A 64-bit print of everything an entry publishes: two independent 32-bit hashes, the
     * record's own over every field and FNV-1a over its id, title and content, so that an entry
     * changed in any way has another print.
     */
    static long print(Entry e) {
        int fnv = 0x811c9dc5;
        for (String s : new String[] {e.id(), e.title(), e.contentHtml(), e.updated().toString()}) {
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                fnv = (fnv ^ (b & 0xff)) * 0x01000193;
            }
        }
        return ((long) e.hashCode() << 32) | (fnv & 0xffffffffL);
    }
}
