import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file (-rf json) as one table, with the time per entry for benchmarks
 * that have an "entries" parameter, and how the per-entry time grows against the smallest size
 * (1.00 = linear). Needs Jackson on the class path (the Dispatch class path has it).
 *
 * <p>Usage: {@code java -cp dispatch.classpath.jar bench/src/JmhReport.java result.json}
 */
public final class JmhReport {
    public static void main(String[] args) throws Exception {
        JsonNode root = new ObjectMapper().readTree(new File(args[0]));
        Map<String, Double> smallestPerEntry = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (JsonNode r : root) {
            String bench = r.get("benchmark").asText().replaceFirst("^dispatch\\.bench\\.", "");
            JsonNode params = r.path("params");
            StringBuilder ps = new StringBuilder();
            String entries = null;
            String key = bench;
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (ps.length() > 0) {
                    ps.append(' ');
                }
                ps.append(p.getKey()).append('=').append(p.getValue().asText());
                if (p.getKey().equals("entries")) {
                    entries = p.getValue().asText();
                } else {
                    key += " " + p.getKey() + "=" + p.getValue().asText();
                }
            }
            JsonNode m = r.get("primaryMetric");
            double score = m.get("score").asDouble();
            double error = m.get("scoreError").asDouble();
            String unit = m.get("scoreUnit").asText();
            JsonNode tc = r.path("secondaryMetrics").path("task-clock");
            String cpu = tc.isMissingNode() ? "" : String.format(Locale.ROOT, "%.3f", toMicros(tc.get("score").asDouble(), "ms/op") / toMicros(1, unit));
            String perEntry = "";
            String growth = "";
            if (entries != null) {
                double usPerEntry = toMicros(score, unit) / Integer.parseInt(entries);
                perEntry = String.format(Locale.ROOT, "%.2f", usPerEntry);
                Double first = smallestPerEntry.putIfAbsent(key, usPerEntry);
                growth = String.format(Locale.ROOT, "%.2f", first == null ? 1.0 : usPerEntry / first);
            }
            rows.add(new String[] {bench, ps.toString(), String.format(Locale.ROOT, "%.3f", score),
                    Double.isNaN(error) ? "" : String.format(Locale.ROOT, "± %.3f", error), unit, cpu, perEntry, growth});
        }
        String fmt = "%-28s %-28s %12s %12s %-6s %10s %10s %8s%n";
        System.out.printf(fmt, "benchmark", "params", "score", "error", "unit", "cpu", "us/entry", "growth");
        for (String[] row : rows) {
            System.out.printf(fmt, (Object[]) row);
        }
        System.out.println("score: wall time per operation (JMH average time); cpu: CPU time of the benchmark JVM per operation, same unit");
        System.out.println("(perf task-clock, all its threads: JIT and GC included; near score = the benchmark had a core to itself)");
        System.out.println("growth: time per entry relative to the smallest size of the same benchmark (1.00 = linear)");
    }

    private static double toMicros(double v, String unit) {
        return switch (unit) {
            case "ns/op" -> v / 1000;
            case "us/op" -> v;
            case "ms/op" -> v * 1000;
            case "s/op" -> v * 1_000_000;
            default -> Double.NaN;
        };
    }
}
