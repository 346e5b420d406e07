package dispatch.files;

import java.io.IOException;
import java.nio.file.Path;

/** A path that resolves outside its {@link ConfinedFolder}, through a symbolic link: never read. */
public final class OutsideFolderException extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@code path} leads outside its folder. */
    public OutsideFolderException(Path path) {
        super("a symbolic link that resolves outside the folder: never read (" + path.getFileName() + ")");
    }
}
