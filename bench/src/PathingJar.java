import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes an empty jar whose manifest {@code Class-Path} lists the given class path entries (as
 * absolute file: URIs; directories end with '/'), so that one jar stands for a whole class path.
 *
 * <p>Usage: {@code java bench/src/PathingJar.java OUT.jar ENTRY[:ENTRY...] [ENTRY...]}
 */
public final class PathingJar {
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PathingJar OUT.jar CLASSPATH...");
            System.exit(2);
        }
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            for (String e : args[i].split(java.io.File.pathSeparator)) {
                if (e.isBlank()) {
                    continue;
                }
                Path p = Path.of(e).toAbsolutePath().normalize();
                if (!Files.exists(p)) {
                    System.err.println("missing class path entry: " + p);
                    System.exit(1);
                }
                urls.add(p.toUri().toString());
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(os, m)) {
            // the manifest is all
        }
        System.err.println("pathing jar " + out + ": " + urls.size() + " entries");
    }
}
