package dispatch.article;

import java.util.Set;

/**
 * The phrase lists {@link PageShapes} tells the kinds of saved-page lines with, each compared
 * case-insensitively; configuration ({@code dispatch.shapes.*}) may replace any of them.
 */
public record ShapePhrases(Set<String> bylinePrefixes, Set<String> outletWords, Set<String> captionPrefixes, Set<String> sharePhrases,
        Set<String> creditPrefixes, Set<String> topicHeaders, Set<String> boilerplatePrefixes, Set<String> promptPrefixes) {

    /** The lists used where configuration gives none. */
    public static final ShapePhrases DEFAULTS = new ShapePhrases(
            Set.of("by", "written by", "words by", "reported by", "story by", "text by", "author:", "authors:", "byline:", "author"),
            Set.of("news", "press", "reuters", "ap", "afp", "bloomberg", "correspondent", "reporter", "editor", "staff", "writer",
                    "times", "post", "journal", "herald", "guardian", "telegraph", "bbc", "cnn", "npr", "desk", "bureau", "agency",
                    "tribune", "gazette", "independent", "daily", "contributor", "columnist", "analyst", "service", "wire"),
            Set.of("image copyright", "image caption", "media caption", "image source", "photo:", "photo credit", "photograph:",
                    "picture:", "image:", "caption:", "video:", "credit:", "getty images", "file photo", "pictured:", "(photo",
                    "(ap photo", "photo by", "photos by", "watch:", "video caption", "image credit", "enlarge this image",
                    "toggle caption", "hide caption", "source:"),
            Set.of("share this with", "share this", "share", "share on facebook", "share on twitter", "share on x", "share on whatsapp",
                    "share on linkedin", "share via email", "share article", "share this article", "share this story", "email", "e-mail",
                    "facebook", "twitter", "x", "whatsapp", "messenger", "linkedin", "pinterest", "reddit", "telegram", "flipboard",
                    "print", "copy link", "copy this link", "comments", "comment", "tweet", "save", "save article", "gift article",
                    "listen", "listen to this article", "sms", "mail"),
            Set.of("reporting by", "additional reporting by", "additional reporting", "writing by", "written by", "editing by",
                    "edited by", "compiled by", "research by", "graphics by", "produced by", "with reporting by", "reporting and writing by",
                    "reporting by and"),
            Set.of("related topics", "topics", "tags", "more on this story", "filed under", "more about", "explore more on these topics",
                    "categories", "subjects", "topics:", "tags:", "related subjects", "keywords"),
            Set.of("our standards", "all rights reserved", "this material may not be published", "copyright ©", "© ", "(c) ",
                    "the thomson reuters trust principles", "a version of this article appears in print", "this article appeared in print"),
            Set.of("sign up", "subscribe", "newsletter", "get our", "get the latest", "continue reading", "story continues",
                    "skip advertisement", "advertisement", "read more:", "read next", "related:", "recommended:", "most read",
                    "download the", "download our", "follow us", "click here", "don't miss", "also read", "see also", "more:",
                    "support our journalism", "you might also like", "you may also like", "more from", "permalink", "reuse this content"));
}
