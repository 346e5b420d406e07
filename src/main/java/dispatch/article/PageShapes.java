package dispatch.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kinds of lines a news page saved as text holds besides its story, told by their shape:
 * bylines, outlet lines, date lines, captions and credits, share clusters, credit lines,
 * separators, topic lists, boilerplate and prompts. Each rule is a shape with a phrase list that
 * configuration may replace ({@code dispatch.shapes.*}), since wording differs from outlet to
 * outlet; no rule relies on one outlet's exact strings. A rule never takes a line that could be a
 * sentence of the story: "By Tuesday the border was closed." is not a byline.
 */
public final class PageShapes {

    private static final int SHORT = 120;
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s_*\\-\u2013\u2014=~\u2022\u00B7#.+]+$");
    private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}'\u2019.-]*|\\p{Lu}\\.|(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|ibn|al|el|ter|y)(?=\\s))";
    private static final Pattern NAME = Pattern.compile("^" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){1,4}$");
    private static final Pattern DATELINE = Pattern.compile("^(\\p{Lu}[\\p{Lu} .'\u2019-]{1,40}(?:, \\p{Lu}[\\p{L} .]{1,30})?)\\s*(?:\\([\\p{L} .&]{1,40}\\))?\\s*[-\u2013\u2014]{1,2}\\s+\\S");
    private static final Pattern CONTRIBUTED = Pattern.compile("^(.*?)\\s+(?:also\\s+)?contributed(?:\\s+reporting)?(?:\\s+to\\s+this\\s+(?:report|story|article))?\\.?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE = Pattern.compile("^(?:the\\s+)?(?:[\\p{L}.]+\\s+){0,3}?(?:writers?|reporters?|correspondents?|journalists?|staff|producers?)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_NAMES = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the",
            "this", "that", "then", "now", "today", "tomorrow", "yesterday", "night", "morning", "noon", "midnight");

    private final ShapePhrases phrases;

    /** Shapes told with {@code phrases}. */
    public PageShapes(ShapePhrases phrases) {
        this.phrases = new ShapePhrases(lower(phrases.bylinePrefixes()), lower(phrases.outletWords()), lower(phrases.captionPrefixes()),
                lower(phrases.sharePhrases()), lower(phrases.creditPrefixes()), lower(phrases.topicHeaders()),
                lower(phrases.boilerplatePrefixes()), lower(phrases.promptPrefixes()));
    }

    /** Shapes told with the default phrase lists. */
    public PageShapes() {
        this(ShapePhrases.DEFAULTS);
    }

    /** A line of only rules, dashes, asterisks or bullets: {@code ___}, {@code * * *}, {@code —}. */
    boolean isSeparator(String line) {
        return line.length() <= 40 && SEPARATOR.matcher(line).matches() && !line.strip().isEmpty();
    }

    /** A share, print or comment button's label. */
    boolean isShareLabel(String line) {
        return line.length() <= 40 && phrases.sharePhrases().contains(ArticleParser.phraseKey(line));
    }

    /** A row of share buttons on one line ("Send Facebook Twitter Whatsapp Linkedin"). */
    boolean isShareRow(String line) {
        if (line.length() > 200 || ArticleParser.endsSentence(line)) {
            return false;
        }
        String[] words = SHARE_ROW_SPLIT.split(ArticleParser.phraseKey(line));
        int labels = 0;
        for (String w : words) {
            labels += phrases.sharePhrases().contains(w) || SHARE_ROW_WORDS.contains(w) ? 1 : 0;
        }
        return words.length >= 3 && labels >= words.length - 1 && labels >= 3;
    }

    /** Words that stand in a row of share buttons besides the labels. */
    private static final Set<String> SHARE_ROW_WORDS = Set.of("send", "google+", "tumblr", "digg", "newsvine", "stumble", "vk", "xing", "more");

    /** An image or video caption, or a photo credit. */
    boolean isCaption(String line) {
        if (line.length() > 400) {
            return false;
        }
        String k = ArticleParser.phraseKey(line);
        return startsWithAny(k, phrases.captionPrefixes())
                || k.endsWith(")") && AGENCY_PHOTO.matcher(k).matches()
                || line.length() <= 60 && AGENCY_SLASH_NAME.matcher(line.strip()).matches()
                || line.length() <= 80 && CREDIT_IN_PARENTHESES.matcher(k).matches()
                || k.contains(": ") && CREDIT_AFTER_CAPTION.matcher(k).find();
    }

    private static final Pattern AGENCY_PHOTO = Pattern.compile(".*\\((?:ap|afp|reuters|getty|epa)[^)]*photo[^)]*\\)$"); // ... (AP Photo/Name)
    private static final Pattern AGENCY_SLASH_NAME = Pattern.compile("^\\p{Lu}{2,}/\\p{Lu}[\\p{L} .'-]+$"); // REUTERS/Umit Bektas
    private static final Pattern CREDIT_IN_PARENTHESES = Pattern.compile("^\\(.*\\b(?:images?|photos?|getty|reuters|ap|afp|epa|file)\\b.*\\)$");
    private static final Pattern CREDIT_AFTER_CAPTION = Pattern.compile("\\b(?:photograph|photo|picture|image|illustration)s?: [^.]{2,80}$");
    private static final Pattern SHARE_ROW_SPLIT = Pattern.compile("[\\s|\u2022\u00B7,]+");

    /** A note of time that is no date: "3 hours ago", "5 min read", "Just now". */
    boolean isTimeNote(String line) {
        if (line.length() > 60) {
            return false;
        }
        String k = ArticleParser.phraseKey(line);
        return k.length() <= 40 && (RELATIVE_TIME.matcher(k).matches() || READING_TIME.matcher(k).matches() || k.equals("just now"));
    }

    private static final Pattern RELATIVE_TIME = Pattern.compile("^(?:\\d+|an?|one)\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\s+ago$");
    private static final Pattern READING_TIME = Pattern.compile("^\\d+[\\s-]*(?:min|mins|minute|minutes)\\s+(?:read|listen|watch)$");

    /** A standards or copyright notice. */
    boolean isBoilerplate(String line) {
        if (line.length() > 400) {
            return false;
        }
        String k = ArticleParser.phraseKey(line);
        return startsWithAny(k, phrases.boilerplatePrefixes()) || COPYRIGHT_YEAR.matcher(k).matches() || k.contains("all rights reserved");
    }

    private static final Pattern COPYRIGHT_YEAR = Pattern.compile("^(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?\\d{4}\\b.*");

    /**
     * A newsletter, subscription or "read more" prompt, or an advertisement marker: a short line
     * that starts with a prompt phrase and is no sentence ("Advertisement revenue fell." is one),
     * or that starts with one of the phrases only prompts start with ("Sign up for our newsletter.").
     */
    boolean isPrompt(String line) {
        if (line.length() > 150) {
            return false;
        }
        String k = ArticleParser.phraseKey(line);
        return line.length() <= SHORT && startsWithAny(k, phrases.promptPrefixes())
                && (!ArticleParser.endsSentence(line) || startsWithAny(k, ALWAYS_PROMPTS) && phrases.promptPrefixes().stream().anyMatch(k::startsWith))
                || CONTACT.matcher(k).matches() // write to jane@...
                || line.length() <= 80 && FOLLOW.matcher(k).matches();
    }

    private static final Pattern CONTACT = Pattern.compile("^(?:write to|contact|email|e-mail|reach)\\b.*\\S+@\\S+\\.\\p{L}{2,}.*");
    private static final Pattern FOLLOW = Pattern.compile("^follow\\b.*(?:\\bon (?:twitter|x|facebook|instagram|threads|bluesky|mastodon)|@\\w+).*");

    /** Prompt phrases no sentence of a story starts with. */
    private static final Set<String> ALWAYS_PROMPTS = Set.of("sign up", "subscribe", "newsletter", "get the latest", "get our", "download our",
            "support our journalism");

    /** The names a byline gives ("By Jane Smith and John Doe, BBC News"), or empty when the line is not one. */
    Optional<String> byline(String line) {
        if (line.length() > 200) {
            return Optional.empty();
        }
        String start = ArticleParser.phraseKey(line);
        for (String prefix : phrases.bylinePrefixes()) {
            if (start.startsWith(prefix + " ") || prefix.endsWith(":") && start.startsWith(prefix)) {
                return bylineNames(line, prefix);
            }
        }
        return Optional.empty();
    }

    /** The names of a line that starts with byline {@code prefix}, the date it may run on into left out. */
    private static Optional<String> bylineNames(String line, String prefix) {
        String tail = dateTail(line).orElse("");
        String head = line.substring(0, line.length() - tail.length()).strip();
        if (head.length() > 100 || ArticleParser.endsSentence(head) && !ENDS_WITH_INITIAL.matcher(head).matches()) {
            return Optional.empty();
        }
        String names = BYLINE_SPLIT.split(head.substring(prefix.length()).strip(), 2)[0];
        List<String> people = names(names);
        return people.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", people));
    }

    /**
     * The date a byline runs on into ("By Jane Smith  Published 9:30 AM EDT, September 10, 2018"),
     * from its "Published", "Updated" or "Posted", or from a weekday or month name after the names.
     */
    static Optional<String> dateTail(String line) {
        Matcher m = DATE_TAIL.matcher(line);
        return m.find() && m.start() > 3 ? Optional.of(line.substring(m.start()).strip()) : Optional.empty();
    }

    private static final Pattern DATE_TAIL = Pattern.compile("(?i)(?:\\s[|\u2022\u00B7-]\\s*|\\s{2,}|,\\s*|\\s)(?=(?:published|updated|posted)\\b"
            + "|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+\\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4})");

    /** The outlet and place line under a byline: "BBC News, Istanbul", "Associated Press". */
    boolean isOutletLine(String line) {
        if (line.length() > 60 || ArticleParser.endsSentence(line) || !Character.isUpperCase(line.charAt(0))) {
            return false;
        }
        for (String word : WORDS.split(ArticleParser.phraseKey(line))) {
            if (phrases.outletWords().contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The contributors a credit line names ("Reporting by A; Editing by B", "C contributed to this report."), or empty. */
    Optional<List<String>> credits(String line) {
        if (line.length() > 300) {
            return Optional.empty();
        }
        List<String> people = new ArrayList<>();
        String k = ArticleParser.phraseKey(line);
        if (startsWithAny(k, phrases.creditPrefixes())) {
            for (String part : line.split(";")) {
                Matcher by = BY.matcher(part.strip());
                if (by.matches()) {
                    for (String one : LIST_SPLIT.split(by.group(1))) {
                        people.addAll(names(withoutPlace(one)));
                    }
                }
            }
            return people.isEmpty() ? Optional.empty() : Optional.of(people);
        }
        Matcher contributed = CONTRIBUTED.matcher(line.strip());
        if (k.contains("contributed") && contributed.matches()) {
            String who = ROLE.matcher(contributed.group(1)).replaceFirst("");
            for (String one : LIST_SPLIT.split(who)) {
                people.addAll(names(withoutPlace(one)));
            }
            return people.isEmpty() ? Optional.empty() : Optional.of(people);
        }
        return Optional.empty();
    }

    /** Whether the line heads a trailing topic list ("Related Topics", "Tags"); inline topics ("Tags: a, b") are returned. */
    Optional<List<String>> topicHeader(String line) {
        if (line.length() > SHORT || ArticleParser.endsSentence(line)) {
            return Optional.empty();
        }
        String k = ArticleParser.phraseKey(line);
        for (String header : phrases.topicHeaders()) {
            String h = header.endsWith(":") ? header.substring(0, header.length() - 1) : header;
            if (k.equals(h)) {
                return Optional.of(List.of());
            }
            if (k.startsWith(h + ":") || k.startsWith(h + " ") && k.contains(",")) {
                String rest = line.strip().substring(h.length() + 1).strip();
                return Optional.of(TOPIC_SPLIT.splitAsStream(rest).filter(t -> !t.isEmpty()).toList());
            }
        }
        return Optional.empty();
    }

    /** The place of a dateline that opens a paragraph ("ISTANBUL (Reuters) - ..."), or empty. */
    Optional<String> dateline(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        return m.find() && m.group(1).strip().length() >= 3 ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static final Pattern ENDS_WITH_INITIAL = Pattern.compile(".*\\b\\p{Lu}\\.$");
    private static final Pattern BYLINE_SPLIT = Pattern.compile("\\s*(?:[,|]|\\s[-\u2013\u2014]\\s)\\s*");
    private static final Pattern WORDS = Pattern.compile("[\\s,]+");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");
    private static final Pattern NAMES_SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*");
    private static final Pattern TOPIC_SPLIT = Pattern.compile("\\s*[,;|]\\s*");
    private static final Pattern PLACE = Pattern.compile("\\s+(?:in|from)\\s+\\p{Lu}[\\p{L} .'-]*$");
    private static final Pattern OUTLET_POSSESSIVE = Pattern.compile("^\\p{Lu}[\\p{L}.&]*['\u2019]s\\s+");
    private static final Pattern TRAILING_DOT = Pattern.compile("\\.$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern BY = Pattern.compile("(?i)^.*?\\bby\\s+(.+?)\\.?$");

    /** {@code name} without a trailing "in Geneva" or "from Paris", or a leading outlet's "CNN's". */
    private static String withoutPlace(String name) {
        return OUTLET_POSSESSIVE.matcher(PLACE.matcher(name).replaceAll("")).replaceAll("").strip();
    }

    /** The names of a byline without "By" that says where the reporter is ("Jane Smith in Istanbul"), or empty. */
    Optional<String> nameInPlace(String line) {
        Matcher m = NAME_IN_PLACE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> people = names(m.group(1));
        return people.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", people));
    }

    private static final Pattern NAME_IN_PLACE = Pattern.compile("^(.{3,80}?)\\s+in\\s+\\p{Lu}[\\p{L} .'-]{1,40}$");

    /** The people named in {@code text} ("Jane Smith, John Doe and Ann Lee"); empty unless every one is a name. */
    static List<String> names(String text) {
        List<String> people = new ArrayList<>();
        for (String part : NAMES_SPLIT.split(text.strip())) {
            String name = capitalsFirst(TRAILING_DOT.matcher(part.strip()).replaceAll(""));
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches() || NOT_NAMES.contains(SPACES.split(name)[0].toLowerCase(Locale.ROOT))) {
                return List.of();
            }
            people.add(name.equals(name.toUpperCase(Locale.ROOT)) ? titleCase(name) : name);
        }
        return people;
    }

    /**
     * The capitals of a name in capitals followed by other words ("DAVID OKAFOR Global Press
     * Agency", as wire bylines run on into the outlet): the name alone.
     */
    private static String capitalsFirst(String part) {
        String[] words = SPACES.split(part);
        int caps = 0;
        while (caps < words.length && words[caps].length() > 1 && words[caps].equals(words[caps].toUpperCase(Locale.ROOT))
                && words[caps].chars().anyMatch(Character::isLetter)) {
            caps++;
        }
        return caps >= 2 && caps < words.length ? String.join(" ", java.util.Arrays.copyOf(words, caps)) : part;
    }

    private static String titleCase(String name) {
        return LETTERS.matcher(name.toLowerCase(Locale.ROOT))
                .replaceAll(w -> Character.toUpperCase(w.group().charAt(0)) + w.group().substring(1));
    }


    private static boolean startsWithAny(String key, Set<String> prefixes) {
        for (String p : prefixes) {
            if (key.equals(p) || key.startsWith(p) && (p.endsWith(" ") || p.endsWith(":") || p.endsWith("(")
                    || !Character.isLetterOrDigit(key.charAt(p.length())))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lower(Set<String> s) {
        return s.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
