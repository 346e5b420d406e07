package dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe standing in for a file that is slow to read: whoever reads it waits until
 * {@link #write} is called, as on a slow disk. For tests that must hold a load at a known point.
 */
public final class NamedPipe {

    private final Path path;
    private boolean written;

    private NamedPipe(Path path) {
        this.path = path;
    }

    /** Makes a named pipe at {@code path} ({@code mkfifo}). */
    public static NamedPipe create(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        return new NamedPipe(path);
    }

    /**
     * Writes {@code text} into the pipe once, which lets its reader go on. Opening a pipe to
     * write waits for a reader, so this writes from a daemon thread and gives up after 30 s (a
     * reader that never comes must not hang the test run).
     */
    public synchronized void write(String text) throws Exception {
        if (written) {
            return;
        }
        written = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(path, text);
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(new UncheckedIOException(e));
            }
        }, "named-pipe-writer");
        writer.setDaemon(true);
        writer.start();
        done.get(30, TimeUnit.SECONDS);
    }
}
