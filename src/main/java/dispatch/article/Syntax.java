package dispatch.article;

import java.util.Locale;

/** How an article's body text is written. */
public enum Syntax {
    /** Plain text ({@code .txt}): every character is text, escaped when published. */
    TEXT,
    /** Markdown ({@code .md}): rendered with commonmark, raw HTML escaped. */
    MARKDOWN;

    /** The syntax of a file, by its name's extension. */
    public static Syntax ofFileName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".md") ? MARKDOWN : TEXT;
    }
}
