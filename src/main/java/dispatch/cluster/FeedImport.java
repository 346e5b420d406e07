package dispatch.cluster;

import dispatch.feed.FeedId;
import dispatch.files.ConfinedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Copies a feeds directory into a cluster's database ({@code POST /api/import}): each feed folder
 * in one write, its files replacing those of the same name, others kept. The write renders the
 * feed with the validators and history this replica's data folder holds for it (a single node's,
 * when the replica starts on its data folder), and commits them: moving into a cluster keeps
 * {@code Last-Modified} and the archive pages.
 */
final class FeedImport {

    private static final Logger LOG = Logger.getLogger(FeedImport.class);
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** Starts a write to a feed. */
    @FunctionalInterface
    interface Writes {
        DatabaseWrite start(String feed) throws IOException;
    }

    private final Writes writes;
    private final Mirror mirror;
    private final Consumer<String> render;

    /** An import through {@code writes} into {@code mirror}'s folders, each feed served by {@code render}. */
    FeedImport(Writes writes, Mirror mirror, Consumer<String> render) {
        this.writes = writes;
        this.mirror = mirror;
        this.render = render;
    }

    /** Imports every feed folder (one with a {@code feed.yaml}) of {@code folder}; the feeds imported. */
    List<String> from(Path folder) throws IOException {
        ConfinedFolder from = new ConfinedFolder(folder);
        List<Path> feeds;
        try (Stream<Path> s = Files.list(folder)) {
            feeds = s.filter(p -> FeedId.isValid(p.getFileName().toString())).filter(p -> Files.isRegularFile(p.resolve("feed.yaml"))).sorted()
                    .toList();
        }
        List<String> imported = new ArrayList<>();
        for (Path dir : feeds) {
            String feed = dir.getFileName().toString();
            try (DatabaseWrite write = writes.start(feed); Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    if (from.isRegularFileInside(file) && !file.getFileName().toString().startsWith(".")) {
                        mirror.put(feed, file.getFileName().toString(), from.read(file, MAX_FILE_BYTES));
                    }
                }
                write.commit(() -> render.accept(feed));
            }
            imported.add(feed);
            LOG.infof("Imported feed %s from %s", feed, dir);
        }
        return imported;
    }
}
