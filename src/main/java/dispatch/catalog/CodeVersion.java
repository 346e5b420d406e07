package dispatch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the code that renders documents: a digest of Dispatch's own classes (its jar,
 * or its classes folder) and the names of the jars of Rome and JDOM, which write the XML. A
 * document kept by another version is rendered again.
 */
final class CodeVersion {

    private static volatile String current;

    private CodeVersion() {
    }

    /** This code's version. */
    static String current() {
        String v = current;
        if (v == null) {
            v = compute();
            current = v;
        }
        return v;
    }

    private static String compute() {
        MessageDigest sha = sha256();
        try {
            Path own = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(own)) {
                try (Stream<Path> files = Files.walk(own)) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        sha.update(own.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(p));
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(own)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            for (Class<?> library : List.of(com.rometools.rome.io.WireFeedOutput.class, org.jdom2.Document.class)) {
                sha.update(String.valueOf(library.getProtectionDomain().getCodeSource().getLocation()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime(); // no code source to read: nothing kept is trusted
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
