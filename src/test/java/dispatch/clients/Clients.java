package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

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
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            assertEquals(0, p.exitValue(), "exit status of " + command);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
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
}
