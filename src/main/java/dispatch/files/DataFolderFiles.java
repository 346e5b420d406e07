package dispatch.files;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** {@link KeptFiles} in a data folder: {@code <kind>/<feed>.json}, confined to the folder, written durably. */
public final class DataFolderFiles implements KeptFiles {

    private final Path dataDir;
    private final ConfinedFolder folder;
    private final DurableWrites writes;

    /** The documents kept in {@code dataDir}. */
    public DataFolderFiles(Path dataDir) {
        this.dataDir = dataDir;
        this.folder = new ConfinedFolder(dataDir);
        this.writes = new DurableWrites(folder);
    }

    @Override
    public Optional<byte[]> read(String kind, String feed, long maxBytes) throws IOException {
        try {
            return Optional.of(folder.read(file(kind, feed), maxBytes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String kind, String feed, byte[] bytes) throws IOException {
        writes.write(file(kind, feed), bytes);
    }

    @Override
    public void delete(String kind, String feed) throws IOException {
        writes.delete(file(kind, feed));
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String where(String kind, String feed) {
        return file(kind, feed).toString();
    }

    private Path file(String kind, String feed) {
        return dataDir.resolve(kind).resolve(feed + ".json");
    }
}
