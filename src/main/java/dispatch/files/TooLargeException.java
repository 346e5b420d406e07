package dispatch.files;

import java.io.IOException;
import java.nio.file.Path;

/** A file holding more bytes than may be read. */
public final class TooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@code path} holds {@code size} bytes (at least), over {@code limit}. */
    public TooLargeException(Path path, long size, long limit) {
        super("too large: " + size + " bytes, over the limit of " + limit);
    }
}
