package dispatch.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes what is not the story out of a saved page's blocks, line by line, with
 * {@link PageShapes}: bylines and the outlet line under them, date lines, captions and photo
 * credits, share clusters, credit lines, separators, boilerplate, prompts and a trailing topic
 * list. What they say (author, date, contributors, topics) is kept as {@link PageFacts}; every
 * other line stays where it was.
 */
final class PageCleaner {

    /**
     * The blocks left and what the lines taken out said.
     *
     * @param blocks the blocks left
     * @param facts what the lines taken out said
     * @param relatedLimit how many of the first blocks may be related headlines: those before the
     *     first byline or date line ahead of the story, since what follows such lines is the
     *     story, its short lines subheadings
     */
    record Result(List<List<String>> blocks, PageFacts facts, int relatedLimit) {
    }

    private static final int TOPIC_LENGTH = 60;

    private final PageShapes shapes;

    PageCleaner(PageShapes shapes) {
        this.shapes = shapes;
    }

    /** Cleans {@code blocks}, the article's blocks after its headline. */
    Result clean(List<List<String>> blocks) {
        List<Line> lines = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            for (String text : blocks.get(b)) {
                lines.add(new Line(b, text));
            }
        }
        String author = null;
        Instant date = null;
        List<String> contributors = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text;
            Optional<String> byline = shapes.byline(text);
            if (byline.isEmpty() && i + 1 < lines.size() && DateLines.read(lines.get(i + 1).text).isPresent()) {
                byline = shapes.nameInPlace(text); // "Jane Smith in Istanbul" over a date line
            }
            Optional<Instant> dated = DateLines.read(text);
            Optional<List<String>> credits = shapes.credits(text);
            Optional<List<String>> topicList = shapes.topicHeader(text);
            if (byline.isPresent()) {
                author = author == null ? byline.get() : author;
                Optional<Instant> bylineDate = PageShapes.dateTail(text).flatMap(DateLines::read);
                date = date == null ? bylineDate.orElse(null) : date;
                line.dropped = true;
                line.head = true;
                if (i + 1 < lines.size() && shapes.isOutletLine(lines.get(i + 1).text)) {
                    lines.get(++i).dropped = true;
                }
            } else if (dated.isPresent()) {
                date = date == null ? dated.get() : date;
                line.dropped = true;
                line.head = true;
            } else if (credits.isPresent()) {
                credits.get().stream().filter(c -> !contributors.contains(c)).forEach(contributors::add);
                line.dropped = true;
            } else if (topicList.isPresent() && !topicList.get().isEmpty()) { // "Tags: a, b" carries its own list
                topics.addAll(topicList.get());
                line.dropped = true;
            } else if (topicList.isPresent() && onlyTopicsFollow(lines, i)) {
                topics.addAll(topicList.get());
                for (int j = i + 1; j < lines.size(); j++) {
                    if (!isFurniture(lines.get(j).text)) {
                        topics.add(lines.get(j).text.strip());
                    }
                    lines.get(j).dropped = true;
                }
                line.dropped = true;
                break;
            } else if (shapes.isSeparator(text) || shapes.isCaption(text) || shapes.isBoilerplate(text) || shapes.isPrompt(text)
                    || shapes.isTimeNote(text) || shapes.isShareRow(text)) {
                line.dropped = true;
            } else if (shapes.isShareLabel(text)) {
                line.share = true;
            }
        }
        dropShareClusters(lines);
        List<List<String>> kept = new ArrayList<>();
        int block = -1;
        for (Line line : lines) {
            if (line.dropped) {
                continue;
            }
            if (line.block != block) {
                kept.add(new ArrayList<>());
                block = line.block;
            }
            kept.get(kept.size() - 1).add(line.text);
        }
        Optional<String> dateline = kept.stream().filter(b -> b.size() > 1 || b.get(0).length() > ArticleParser.SHORT_LINE
                || ArticleParser.endsSentence(b.get(0))).findFirst().flatMap(b -> shapes.dateline(b.get(0)));
        return new Result(kept, new PageFacts(Optional.ofNullable(author), Optional.ofNullable(date), contributors, topics, dateline),
                relatedLimit(lines));
    }

    /** The number of kept blocks before the first byline or date line ahead of the first real paragraph; all of them when none is. */
    private static int relatedLimit(List<Line> lines) {
        int blocks = 0;
        int block = -1;
        for (Line line : lines) {
            if (line.head) {
                return blocks;
            }
            if (line.dropped) {
                continue;
            }
            if (line.block != block) {
                block = line.block;
                blocks++;
            }
            if (line.text.length() > ArticleParser.SHORT_LINE || ArticleParser.endsSentence(line.text)) {
                return Integer.MAX_VALUE; // the story began before anything was taken out
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Whether every line after the topic header at {@code header} is short and no sentence: a list of topics. */
    private boolean onlyTopicsFollow(List<Line> lines, int header) {
        for (int j = header + 1; j < lines.size(); j++) {
            String t = lines.get(j).text;
            if (!isFurniture(t) && (t.length() > TOPIC_LENGTH || ArticleParser.endsSentence(t))) {
                return false;
            }
        }
        return true;
    }

    private boolean isFurniture(String text) {
        return shapes.isShareLabel(text) || shapes.isPrompt(text) || shapes.isBoilerplate(text) || shapes.isSeparator(text);
    }

    /**
     * Drops share labels that stand together ("Share this with / Email / Facebook / Twitter"), or
     * alone when they say "share": a lone "Email" or "Print" could be a word of the story.
     */
    private static void dropShareClusters(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.share) {
                boolean neighbour = neighbourIsShare(lines, i, -1) || neighbourIsShare(lines, i, 1);
                line.dropped = neighbour || ArticleParser.phraseKey(line.text).contains("share");
            }
        }
    }

    private static boolean neighbourIsShare(List<Line> lines, int i, int step) {
        for (int j = i + step; j >= 0 && j < lines.size(); j += step) {
            if (lines.get(j).share) {
                return true;
            }
            if (!lines.get(j).dropped) {
                return false;
            }
        }
        return false;
    }

    /** One line, the block it stood in, and what it was found to be. */
    private static final class Line {
        final int block;
        final String text;
        boolean dropped;
        boolean share;
        boolean head;

        Line(int block, String text) {
            this.block = block;
            this.text = text;
        }
    }
}
