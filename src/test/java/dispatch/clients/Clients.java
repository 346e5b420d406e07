package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the independent feed clients the tests compare Dispatch's output with. A client that is
 * not installed skips its test on a developer's machine, and fails it where
 * {@code DISPATCH_REQUIRE_CLIENTS=true} (CI, whose {@code .ci/run} installs every client).
 */
final class Clients {

    private Clients() {
    }

    /** Skips, or fails under CI, unless {@code available}. */
    static void require(boolean available, String what) {
        if (available) {
            return;
        }
        String message = what + " is not installed (.ci/run installs it)";
        if ("true".equals(System.getenv("DISPATCH_REQUIRE_CLIENTS"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** Runs {@code command}, fails the test unless it exits 0 within a minute, returns its standard output. */
    static String run(List<String> command) {
        return exec(command, null, Map.of(), null, Duration.ofMinutes(1)).orFail();
    }

    /** Whether {@code command} runs and exits 0. */
    static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether {@code program} is an executable file in a directory on {@code PATH}. */
    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** How a process ended: its exit status and what it wrote. */
    record Outcome(List<String> command, int exit, String out, String err) {

        /** Fails the test unless the process exited 0; returns its standard output. */
        String orFail() {
            assertEquals(0, exit, () -> "exit status of " + command + "; its standard error:\n" + err);
            return out;
        }
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this process's environment,
     * {@code stdin} (or nothing) on its standard input, and fails the test if it has not ended
     * within {@code timeout} (the process and its children are then killed). Output goes through
     * files, so a chatty process cannot block on a full pipe and the timeout always holds.
     */
    static Outcome exec(List<String> command, Path dir, Map<String, String> env, byte[] stdin, Duration timeout) {
        Path io = null;
        try {
            io = Files.createTempDirectory("dispatch-client-");
            Path in = Files.write(io.resolve("stdin"), stdin == null ? new byte[0] : stdin);
            Path out = io.resolve("stdout");
            Path err = io.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + timeout + ": " + command + "; its standard error:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Outcome(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(io);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));");

    /**
     * The text that escaped HTML stands for, read in one pass (so {@code &amp;lt;} becomes
     * {@code &lt;}, not {@code <}): the five XML entities and numeric character references, all a
     * Dispatch-written title can hold.
     */
    static String unescapeHtml(String html) {
        Matcher m = CHARACTER_REFERENCE.matcher(html);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = Character.toString(Integer.parseInt(m.group(1)));
            } else if (m.group(2) != null) {
                replacement = Character.toString(Integer.parseInt(m.group(2), 16));
            } else {
                replacement = switch (m.group(3)) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            m.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(text);
        return text.toString();
    }

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /**
     * Each entry's title type ({@code text}, {@code html} or {@code xhtml}; {@code text} where the
     * attribute is absent) by entry id, as an Atom document declares them: for the clients that
     * return an html-typed title as HTML without saying so.
     */
    static Map<String, String> atomTitleTypes(byte[] atom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList entries = factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom))
                    .getElementsByTagNameNS(ATOM_NS, "entry");
            Map<String, String> types = new HashMap<>();
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String id = child(entry, "id").getTextContent().strip();
                String type = child(entry, "title").getAttribute("type");
                types.put(id, type.isEmpty() ? "text" : type);
            }
            return types;
        } catch (Exception e) {
            throw new AssertionError("cannot read the Atom document", e);
        }
    }

    private static Element child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM_NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("an Atom entry without " + name);
    }
}
