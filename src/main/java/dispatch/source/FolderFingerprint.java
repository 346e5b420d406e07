package dispatch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A cheap summary of what a feed folder holds: the name, size and modification time of each of
 * its visible entries. Taken before a folder is read, it tells later whether what is served is
 * still what is on disk, without reading a file: the periodic rescan compares it where the
 * operating system gives no change events.
 */
public final class FolderFingerprint {

    /** The fingerprint of a folder that does not exist or cannot be listed. */
    public static final long NONE = 0;

    private FolderFingerprint() {
    }

    /** The fingerprint of folder {@code dir}, or {@link #NONE}. */
    public static long of(Path dir) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            return NONE;
        }
        long h = 1125899906842597L;
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // temporary files of atomic writes, editors' swap files
            }
            h = 31 * h + name.hashCode();
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                h = 31 * h + a.size();
                h = 31 * h + a.lastModifiedTime().to(TimeUnit.MICROSECONDS);
                h = 31 * h + (a.fileKey() == null ? 0 : a.fileKey().hashCode());
            } catch (IOException e) {
                h = 31 * h - 1; // a link to nothing, or gone while listed
            }
        }
        return h == NONE ? 1 : h;
    }
}
