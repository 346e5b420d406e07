package dispatch.source;

import dispatch.article.Media;
import dispatch.feed.FeedDefinition;
import dispatch.feed.Post;
import dispatch.feed.Syndication;
import dispatch.files.ConfinedFolder;
import dispatch.files.OutsideFolderException;
import dispatch.files.TooLargeException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The files of a feed's folder that its {@code feed.yaml} and articles name by file name (icon,
 * logo, lead images, enclosures), read through the folder's {@link ConfinedFolder} so that none
 * is read through a link leading out. A name whose file is missing, too large or outside is
 * reported against the file that names it, and left out of the feed.
 */
final class FeedFiles {

    /** The largest file served from a feed folder. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ConfinedFolder folder;
    private final Function<Path, Path> relative;

    /** Files read from {@code folder}; {@code relative} names a path for problems. */
    FeedFiles(ConfinedFolder folder, Function<Path, Path> relative) {
        this.folder = folder;
        this.relative = relative;
    }

    /** {@code definition} without an icon or logo that names a file {@code files} does not hold: a missing image is never advertised. */
    static FeedDefinition withoutMissing(FeedDefinition definition, Map<String, byte[]> files) {
        Syndication s = definition.syndication();
        Optional<String> icon = s.icon().filter(n -> !Media.isFileName(n) || files.containsKey(n));
        Optional<String> logo = s.logo().filter(n -> !Media.isFileName(n) || files.containsKey(n));
        if (icon.equals(s.icon()) && logo.equals(s.logo())) {
            return definition;
        }
        return definition.withSyndication(new Syndication(icon, logo, s.rights(), s.license(), s.categories(), s.link(), s.content()));
    }

    /** The files in {@code dir} that {@code definition} and {@code posts} (read from the files of {@code fileOf}, by slug) name, by name. */
    Map<String, byte[]> read(Path dir, FeedDefinition definition, List<Post> posts, Map<String, Path> fileOf, Consumer<Problem> problems) {
        Map<String, Path> named = new HashMap<>(); // file name -> the file that names it
        Set<String> names = new LinkedHashSet<>();
        definition.syndication().icon().filter(Media::isFileName).ifPresent(n -> named.putIfAbsent(n, dir.resolve("feed.yaml")));
        definition.syndication().logo().filter(Media::isFileName).ifPresent(n -> named.putIfAbsent(n, dir.resolve("feed.yaml")));
        for (Post post : posts) {
            Path source = fileOf.get(post.slug());
            post.article().meta().image().map(Media.Image::url).filter(Media::isFileName).ifPresent(n -> named.putIfAbsent(n, source));
            post.article().meta().enclosures().stream().map(Media.Enclosure::url).filter(Media::isFileName)
                    .forEach(n -> named.putIfAbsent(n, source));
        }
        names.addAll(named.keySet());
        Map<String, byte[]> files = new HashMap<>();
        for (String name : names) {
            try {
                files.put(name, folder.read(dir.resolve(name), MAX_BYTES));
            } catch (NoSuchFileException e) {
                problems.accept(new Problem(relative.apply(named.get(name)), "names " + name + ", which is not in the feed folder"));
            } catch (TooLargeException e) {
                problems.accept(new Problem(relative.apply(named.get(name)), "names " + name + ", which is larger than "
                        + MAX_BYTES / (1024 * 1024) + " MiB; publish it elsewhere and give its URL and length"));
            } catch (OutsideFolderException e) {
                problems.accept(new Problem(relative.apply(named.get(name)), "names " + name + ": " + e.getMessage()));
            } catch (IOException e) {
                problems.accept(new Problem(relative.apply(named.get(name)), "names " + name + ", which cannot be read: " + e));
            }
        }
        return files;
    }
}
