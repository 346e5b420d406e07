package dispatch.web;

/** The quality value ({@code q}, RFC 9110 §12.4.2) of one member of an {@code Accept*} list. */
final class Quality {

    private Quality() {
    }

    /**
     * The {@code q} parameter among {@code parts} (a list member split on {@code ;}, the value
     * first), or 1 when there is none; one that is not a qvalue ({@code 0} to {@code 1}, at most
     * three decimals) counts as 0, refusing rather than guessing. Spaces around {@code =} are
     * allowed.
     */
    static double of(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).strip().equalsIgnoreCase("q")) {
                String value = parts[i].substring(eq + 1).strip();
                return value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(value) : 0;
            }
        }
        return 1;
    }
}
