package dispatch;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Headless Chromium (Debian's {@code chromium}) as the tests run it: as root, with no network of its own. */
public final class Chromium {

    /** Where Debian installs it. */
    public static final Path PATH = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** The command line of a headless run with a fresh profile in {@code profile}, then {@code args}. */
    public static List<String> command(Path profile, String... args) {
        List<String> command = new ArrayList<>(List.of(PATH.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        return command;
    }

    /** How many pixels of {@code image} are within {@code tolerance} of colour {@code rgb} in each channel. */
    public static int pixelsNear(BufferedImage image, int rgb, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff)) < tolerance && Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) < tolerance
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < tolerance) {
                    count++;
                }
            }
        }
        return count;
    }
}
