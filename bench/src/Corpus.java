import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Generates a synthetic Dispatch content tree: N feeds of M articles each, in the shape of the
 * shipped seed article (feeds/world/2018-09-07-erdogan-idlib-offensive.txt):
 *
 * <pre>
 * headline line                       (no final full stop)
 * 0-3 related headline lines          (short, no final full stop, some end in '?')
 * 8-25 paragraphs of 20-60 words      (each ends with a full stop, some are quotes)
 * 1-3 furniture lines                 ("Latest News", "Advertisement", ...)
 * </pre>
 *
 * with a blank line between blocks, in files named {@code YYYY-MM-DD-slug.txt} dated over
 * 2015-2024, and a {@code feed.yaml} per feed folder. Articles average about 4 KB.
 *
 * <p>Deterministic: the same {@code --seed} gives byte-identical files (java.util.Random is
 * specified to the bit). Each feed draws from its own generator seeded from (seed, feed number),
 * so feed-007 is the same whatever {@code --feeds} says.
 *
 * <p>Usage: {@code java bench/src/Corpus.java --feeds 100 --articles 100 --seed 42 --out /tmp/corpus [--force]}
 */
public final class Corpus {

    private static final String MARKER = ".dispatch-bench-corpus";

    private static final String[] NAMES = {
        "Erdogan", "Putin", "Rouhani", "Guterres", "Haley", "Lavrov", "Lowcock", "Merkel", "Macron", "Modi",
        "Sinirlioğlu", "Nuñez", "Zürich", "São Paulo", "Kraków", "Dvořák", "Idlib", "Damascus", "Ankara",
        "Moscow", "Tehran", "Geneva", "Brussels", "Nairobi", "Lagos", "Jakarta", "Manila", "Lima", "Quito",
        "Oslo", "Helsinki", "Warsaw", "Kyiv", "Tbilisi", "Baku", "Yerevan", "Beirut", "Amman", "Cairo",
        "Tunis", "Dakar", "Accra", "Harare", "Lusaka", "Hanoi", "Dhaka", "Karachi", "Kabul", "Seoul",
        "the UN", "the EU", "NATO", "the IMF", "the World Bank", "the WHO", "AT&T", "Procter & Gamble",
    };

    private static final String[] NOUNS = {
        "government", "minister", "official", "offensive", "truce", "ceasefire", "province", "border",
        "refugees", "civilians", "troops", "militants", "talks", "agreement", "sanctions", "economy",
        "election", "parliament", "court", "ruling", "protest", "crisis", "report", "council", "envoy",
        "summit", "deal", "market", "currency", "inflation", "budget", "reform", "strike", "union",
        "region", "capital", "opposition", "coalition", "president", "spokesman", "agency", "aid",
        "convoy", "shelter", "hospital", "school", "harvest", "drought", "flood", "storm", "pipeline",
        "port", "airport", "railway", "investigation", "inquiry", "audit", "vote", "referendum", "treaty",
        "negotiators", "diplomats", "analysts", "residents", "workers", "farmers", "students", "doctors",
        "journalists", "lawmakers", "prosecutors", "investors", "exports", "imports", "tariffs", "rates",
    };

    private static final String[] VERBS = {
        "says", "warns", "rejects", "backs", "accuses", "urges", "denies", "confirms", "calls for",
        "plans", "delays", "approves", "blocks", "signs", "launches", "halts", "resumes", "expands",
        "cuts", "raises", "condemns", "welcomes", "questions", "defends", "seeks", "considers",
    };

    private static final String[] ADJECTIVES = {
        "serious", "major", "last", "northern", "southern", "eastern", "western", "political", "armed",
        "humanitarian", "economic", "regional", "international", "fragile", "long-awaited", "new",
        "former", "senior", "local", "national", "emergency", "temporary", "decisive", "so-called",
        "worst", "biggest", "latest", "coming", "difficult", "renewed", "rare", "sharp", "modest",
    };

    private static final String[] FILLER = {
        "the", "the", "the", "a", "of", "of", "in", "in", "to", "to", "and", "and", "for", "on", "with",
        "that", "that", "is", "was", "has", "have", "had", "been", "will", "would", "could", "as", "by",
        "from", "at", "over", "after", "before", "while", "than", "their", "its", "this", "more", "most",
        "some", "all", "also", "now", "still", "only", "about", "around", "against", "between", "under",
    };

    private static final String[] FURNITURE = {
        "Latest News", "Related Articles", "Advertisement", "Share this", "Read more", "Most Read",
        "More Stories", "Top Stories",
    };

    private static final String[] DESKS = {
        "World", "Europe", "Middle East", "Africa", "Asia", "Americas", "Business", "Markets", "Politics",
        "Science", "Health", "Climate", "Technology", "Culture", "Sport", "Energy",
    };

    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay() + 1);

    public static void main(String[] args) throws IOException {
        int feeds = 10;
        int articles = 100;
        long seed = 42;
        Path out = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--feeds" -> feeds = Integer.parseInt(value(args, ++i));
                case "--articles" -> articles = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--force" -> force = true;
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (out == null || feeds < 1 || feeds > 9999 || articles < 0) {
            usage();
            System.exit(2);
        }
        prepare(out, force);
        long bytes = 0;
        int files = 0;
        for (int f = 1; f <= feeds; f++) {
            Random rnd = new Random(seed * 1_000_003L + f);
            String id = String.format(Locale.ROOT, "feed-%03d", f);
            Path dir = Files.createDirectories(out.resolve(id));
            String desk = DESKS[(f - 1) % DESKS.length];
            String yaml = "title: " + desk + " Desk " + f + "\n"
                    + "description: Synthetic " + desk.toLowerCase(Locale.ROOT) + " news for Dispatch benchmarks (seed " + seed + ").\n"
                    + "language: en\n"
                    + "author: Dispatch " + desk + " Desk\n"
                    + "ttl: 15\n"
                    + "related-headlines: entries\n"
                    + "limit: 100\n";
            Files.writeString(dir.resolve("feed.yaml"), yaml, StandardCharsets.UTF_8);
            Set<String> names = new HashSet<>();
            List<String> titles = new ArrayList<>();
            for (int a = 0; a < articles; a++) {
                String headline = headline(rnd, 7, 14);
                String text = article(rnd, headline, titles);
                titles.add(headline);
                LocalDate day = FIRST_DAY.plusDays(rnd.nextInt(DAYS));
                String base = day + "-" + slug(headline);
                String name = base + ".txt";
                for (int n = 2; !names.add(name); n++) {
                    name = base + "-" + n + ".txt";
                }
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(name), b);
                bytes += b.length;
                files++;
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %d feeds, %d articles, %.1f MB of articles (avg %.0f bytes), seed %d, in %s%n",
                feeds, files, bytes / 1e6, files == 0 ? 0.0 : (double) bytes / files, seed, out.toAbsolutePath());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value after " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: corpus --out DIR [--feeds N (10)] [--articles M (100)] [--seed S (42)] [--force]\n"
                + "  Writes DIR/feed-001 .. feed-N, each with a feed.yaml and M articles.\n"
                + "  DIR must be empty or absent; --force replaces a DIR that this tool wrote before.");
    }

    /** Makes {@code out} an empty directory holding only the marker; never wipes a foreign one. */
    private static void prepare(Path out, boolean force) throws IOException {
        if (Files.exists(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                if (!force || !Files.exists(out.resolve(MARKER))) {
                    System.err.println(out + " is not empty" + (force ? " and was not written by this tool" : " (use --force to replace a corpus)"));
                    System.exit(1);
                }
                try (Stream<Path> s = Files.walk(out)) {
                    s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(out)).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "written by bench/corpus\n");
    }

    /** One article: headline, related headlines, paragraphs, furniture, blank lines between. */
    private static String article(Random rnd, String headline, List<String> earlierTitles) {
        StringBuilder sb = new StringBuilder(4600);
        sb.append(headline).append("\n\n");
        int related = rnd.nextInt(4);
        for (int i = 0; i < related; i++) {
            String h;
            if (!earlierTitles.isEmpty() && rnd.nextInt(10) == 0) {
                // Now and then a related headline is another article's title: Dispatch links to it.
                h = earlierTitles.get(rnd.nextInt(earlierTitles.size()));
            } else {
                h = headline(rnd, 6, 12);
            }
            sb.append(h).append("\n\n");
        }
        int paragraphs = 8 + rnd.nextInt(18);
        for (int i = 0; i < paragraphs; i++) {
            sb.append(paragraph(rnd, 20 + rnd.nextInt(41))).append("\n\n");
        }
        int furniture = 1 + rnd.nextInt(3);
        int start = rnd.nextInt(FURNITURE.length);
        for (int i = 0; i < furniture; i++) {
            sb.append(FURNITURE[(start + i) % FURNITURE.length]).append(i + 1 < furniture ? "\n\n" : "\n");
        }
        return sb.toString();
    }

    /** A headline of {@code min}-{@code max} words: never a full stop at the end, at most 110 characters. */
    private static String headline(Random rnd, int min, int max) {
        while (true) {
            int words = min + rnd.nextInt(max - min + 1);
            List<String> w = new ArrayList<>();
            w.add(pick(rnd, NAMES));
            w.add(pick(rnd, VERBS));
            while (w.size() < words) {
                int k = rnd.nextInt(10);
                if (k < 3) {
                    w.add(pick(rnd, ADJECTIVES));
                } else if (k < 7) {
                    w.add(pick(rnd, NOUNS));
                } else if (k < 9) {
                    w.add(pick(rnd, FILLER));
                } else {
                    w.add(pick(rnd, NAMES));
                }
            }
            if (rnd.nextInt(6) == 0) {
                w.set(2, "'" + w.get(2));
                w.set(Math.min(w.size() - 1, 4), w.get(Math.min(w.size() - 1, 4)) + "'");
            }
            String h = capitalize(String.join(" ", w));
            int end = rnd.nextInt(12);
            if (end == 0) {
                h = h + "?";
            } else if (end == 1) {
                h = h + ": " + pick(rnd, NAMES) + " " + pick(rnd, NOUNS);
            }
            if (h.length() <= 110) {
                return h;
            }
        }
    }

    /** A paragraph of exactly {@code words} words in sentences; ends with a full stop. */
    private static String paragraph(Random rnd, int words) {
        StringBuilder sb = new StringBuilder(words * 7);
        boolean quote = rnd.nextInt(8) == 0;
        if (quote) {
            sb.append('"');
        }
        int left = words;
        while (left > 0) {
            int n = Math.min(left, 8 + rnd.nextInt(18));
            if (left - n > 0 && left - n < 5) {
                n = left;
            }
            sb.append(sentence(rnd, n));
            left -= n;
            if (left > 0) {
                sb.append(' ');
            }
        }
        if (quote) {
            // Like the seed: "Quoted text". -- the closing quote before the full stop.
            sb.setLength(sb.length() - 1);
            sb.append("\".");
        }
        return sb.toString();
    }

    private static String sentence(Random rnd, int words) {
        StringBuilder sb = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(i > 3 && i < words - 2 && rnd.nextInt(11) == 0 ? ", " : " ");
            }
            int k = rnd.nextInt(20);
            String w;
            if (k < 9) {
                w = pick(rnd, FILLER);
            } else if (k < 14) {
                w = pick(rnd, NOUNS);
            } else if (k < 16) {
                w = pick(rnd, ADJECTIVES);
            } else if (k < 18) {
                w = pick(rnd, VERBS);
            } else if (k < 19) {
                w = pick(rnd, NAMES);
            } else {
                w = Integer.toString(1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000));
            }
            sb.append(w);
        }
        return capitalize(sb.toString()) + ".";
    }

    private static String pick(Random rnd, String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A file-name slug of the headline's first words: lowercase ASCII letters, digits and dashes. */
    private static String slug(String headline) {
        String ascii = java.text.Normalizer.normalize(headline, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String[] parts = s.split("-");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length && i < 6; i++) {
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(parts[i]);
        }
        return sb.length() == 0 ? "article" : sb.toString();
    }
}
