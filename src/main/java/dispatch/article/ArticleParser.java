package dispatch.article;

import dispatch.text.TextDecoder;
import dispatch.text.TextException;
import dispatch.text.XmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses an article saved as text from a news page: optional front matter, the headline, the
 * related headlines right after it, the body, and the page furniture at the end, which is dropped.
 *
 * <p>Blocks are separated by blank lines; the lines of one block are one paragraph. A block is
 * <em>headline-shaped</em> when it is a single line of at most {@link #SHORT_LINE} characters that
 * does not end a sentence (with {@code .} or {@code …}, optionally followed by a closing quote).
 * The run of headline-shaped blocks after the headline are related headlines; inside the body they
 * are subheadings; at the end they are page furniture. Blocks that match a furniture phrase
 * ("Latest News", "Advertisement"...) are dropped wherever they stand.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ArticleParser {

    /** The longest line, in characters, that can be a headline, subheading or furniture. */
    public static final int SHORT_LINE = 120;

    /** The furniture phrases used when none are configured. */
    public static final Set<String> DEFAULT_FURNITURE = Set.of(
            "latest news", "related articles", "related stories", "related", "advertisement",
            "share this", "share this article", "share", "read more", "more stories",
            "most read", "recommended", "top stories", "comments", "sponsored content");

    private final Set<String> furniture;
    private final PageCleaner cleaner;

    /** A parser that drops the {@link #DEFAULT_FURNITURE} phrases. */
    public ArticleParser() {
        this(DEFAULT_FURNITURE);
    }

    /** A parser that drops the given furniture phrases (compared case-insensitively). */
    public ArticleParser(Set<String> furniturePhrases) {
        this(furniturePhrases, new PageShapes());
    }

    /** A parser that drops the given furniture phrases, and tells the other kinds of page lines with {@code shapes}. */
    public ArticleParser(Set<String> furniturePhrases, PageShapes shapes) {
        this.furniture = furniturePhrases.stream().map(ArticleParser::phraseKey).collect(Collectors.toUnmodifiableSet());
        this.cleaner = new PageCleaner(shapes);
    }

    /**
     * Parses an article file's bytes.
     *
     * @throws ArticleFormatException if the bytes are not an article (empty, binary, not UTF-8,
     *     bad front matter, no headline)
     */
    public Article parse(byte[] bytes) throws ArticleFormatException {
        return parse(bytes, Syntax.TEXT);
    }

    /**
     * Parses an article file's bytes written in {@code syntax}.
     *
     * @throws ArticleFormatException if the bytes are not an article
     */
    public Article parse(byte[] bytes, Syntax syntax) throws ArticleFormatException {
        String text;
        try {
            text = TextDecoder.decode(bytes);
        } catch (TextException e) {
            throw new ArticleFormatException(e.getMessage(), e);
        }
        return parseClean(text, syntax); // decode already normalized line ends and removed forbidden characters
    }

    /**
     * Parses an article's text (line ends may be LF, CRLF or CR).
     *
     * @throws ArticleFormatException if the text has bad front matter or no headline
     */
    public Article parse(String text) throws ArticleFormatException {
        return parse(text, Syntax.TEXT);
    }

    /**
     * Parses an article's text written in {@code syntax}. In Markdown, the headline may start
     * with {@code #} marks, and each body block is rendered as Markdown.
     *
     * @throws ArticleFormatException if the text has bad front matter or no headline
     */
    public Article parse(String text, Syntax syntax) throws ArticleFormatException {
        return parseClean(XmlText.clean(TextDecoder.normalizeLineEnds(text)), syntax);
    }

    /** Parses text whose line ends are {@code \n} and that holds no character XML 1.0 forbids. */
    private Article parseClean(String clean, Syntax syntax) throws ArticleFormatException {
        if (clean.startsWith("\uFEFF")) {
            clean = clean.substring(1);
        }
        FrontMatter meta = FrontMatter.EMPTY;
        String rest = clean;
        int firstLineEnd = clean.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? clean : clean.substring(0, firstLineEnd);
        if (strip(firstLine).equals("---")) {
            int end = findFrontMatterEnd(clean);
            if (end < 0) {
                throw new ArticleFormatException("front matter opened with '---' on the first line is never closed");
            }
            meta = FrontMatterReader.read(clean.substring(firstLine.length() + 1, end));
            int next = clean.indexOf('\n', end);
            rest = next < 0 ? "" : clean.substring(next + 1);
        }

        List<List<String>> blocks = splitBlocks(rest);
        String headline;
        if (blocks.isEmpty()) {
            headline = meta.title().orElseThrow(() -> new ArticleFormatException("no headline: the article has no text"));
        } else {
            List<String> first = blocks.remove(0);
            headline = first.get(0);
            if (first.size() > 1) {
                blocks.add(0, first.subList(1, first.size()));
            }
        }
        PageCleaner.Result page = cleaner.clean(blocks);
        blocks = new ArrayList<>(page.blocks());
        blocks.removeIf(this::isFurniturePhrase);

        List<String> related = new ArrayList<>();
        int i = 0;
        if (meta.related().isPresent()) {
            related.addAll(meta.related().get());
        } else {
            while (i < blocks.size() && i < page.relatedLimit() && isHeadlineShaped(blocks.get(i))) {
                related.add(syntax == Syntax.MARKDOWN ? Markdown.toText(blocks.get(i)) : blocks.get(i).get(0));
                i++;
            }
        }
        int end = blocks.size();
        while (end > i && isHeadlineShaped(blocks.get(end - 1))) {
            end--;
        }
        List<Block> body = new ArrayList<>();
        for (List<String> block : blocks.subList(i, end)) {
            Block.Kind kind = isHeadlineShaped(block) ? Block.Kind.SUBHEADING : Block.Kind.PARAGRAPH;
            body.add(syntax == Syntax.MARKDOWN
                    ? new Block(kind, Markdown.toText(block), Markdown.toHtml(block))
                    : new Block(kind, String.join(" ", block)));
        }
        String title = syntax == Syntax.MARKDOWN ? Markdown.toText(List.of(stripMarkdownHeading(headline))) : headline;
        return new Article(meta.title().orElse(title.isEmpty() ? headline : title), related, body, meta, page.facts());
    }

    /** The offset of the closing {@code ---} (or {@code ...}) line of front matter, or -1. */
    private static int findFrontMatterEnd(String text) {
        int lineStart = text.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = strip(lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd));
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    /** Splits text into blocks of non-blank, stripped lines, separated by blank lines. */
    private static List<List<String>> splitBlocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String s = strip(line);
            if (s.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(s);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /**
     * {@code line} without leading and trailing white space, counting the no-break spaces that
     * pages saved as text are full of (U+00A0, U+2007, U+202F) and stray U+FEFF as white space.
     */
    static String strip(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    private boolean isFurniturePhrase(List<String> block) {
        return block.size() == 1 && furniture.contains(phraseKey(block.get(0)));
    }

    private static boolean isHeadlineShaped(List<String> block) {
        return block.size() == 1 && block.get(0).length() <= SHORT_LINE && !endsSentence(block.get(0));
    }

    /**
     * Whether a line ends a sentence: its last character, after any closing quotes or brackets,
     * is a full stop or an ellipsis.
     */
    static boolean endsSentence(String line) {
        int end = line.length();
        while (end > 0 && "\"'\u201D\u2019\u00BB)]".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        char last = line.charAt(end - 1);
        return last == '.' || last == '\u2026';
    }

    /** A line as phrase lists compare it: lowercase, stripped, without trailing colons or arrows. */
    static String phraseKey(String phrase) {
        String s = strip(phrase).toLowerCase(Locale.ROOT);
        while (!s.isEmpty() && ":>»›".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String stripMarkdownHeading(String headline) {
        if (headline.startsWith("#")) {
            String s = headline.replaceFirst("^#{1,6}\\s+", "");
            return s.isEmpty() ? headline : s;
        }
        return headline;
    }
}
