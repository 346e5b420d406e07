import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording: the methods with the most
 * samples on top of the stack (self), the methods and the dispatch.* methods found anywhere in
 * the stack (inclusive), and the samples per thread.
 *
 * <p>Usage: {@code java bench/src/JfrTop.java rec.jfr [--top N] [--thread REGEX] [--focus REGEX] [--callers REGEX]}
 * where --focus keeps only samples with a frame whose class.method matches REGEX, and --callers
 * lists the call chains leading to top-of-stack methods matching REGEX.
 */
public final class JfrTop {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = 20;
        Pattern thread = null;
        Pattern focus = null;
        Pattern callers = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--thread" -> thread = Pattern.compile(args[++i]);
                case "--focus" -> focus = Pattern.compile(args[++i]);
                case "--callers" -> callers = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> callerStacks = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            String t = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            t = t == null ? "?" : t.replaceAll("\\d+", "N");
            if (thread != null && !thread.matcher(t).find()) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            Pattern fp = focus;
            if (fp != null && frames.stream().noneMatch(f -> f.isJavaFrame() && fp.matcher(name(f.getMethod())).find())) {
                continue;
            }
            total++;
            threads.merge(t, 1, Integer::sum);
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            }
            if (callers != null && !frames.isEmpty() && callers.matcher(name(frames.get(0).getMethod())).find()) {
                StringBuilder sb = new StringBuilder();
                for (int k = 1; k < Math.min(frames.size(), 6); k++) {
                    sb.append(k > 1 ? " < " : "").append(name(frames.get(k).getMethod()));
                }
                callerStacks.merge(sb.toString(), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples%s%s%n", total, thread == null ? "" : " on threads ~ " + thread,
                focus == null ? "" : " with a frame ~ " + focus);
        print("threads", threads, total, 8);
        print("self (top of stack)", self, total, top);
        print("inclusive, dispatch.* methods", filter(inclusive, "dispatch."), total, top);
        print("inclusive, all methods", inclusive, total, top);
        if (callers != null) {
            print("callers of the top frame ~ " + callers + " (5 frames up)", callerStacks, total, top);
        }
    }

    private static Map<String, Integer> filter(Map<String, Integer> m, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void print(String title, Map<String, Integer> m, int total, int top) {
        System.out.println("-- " + title);
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "%6d %5.1f%%  %s%n", en.getValue(), 100.0 * en.getValue() / Math.max(1, total), en.getKey()));
    }

    private static String name(RecordedMethod m) {
        if (m == null) {
            return "?";
        }
        return m.getType().getName() + "." + m.getName();
    }
}
