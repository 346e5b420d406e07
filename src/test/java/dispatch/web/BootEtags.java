package dispatch.web;

import dispatch.Http;
import dispatch.feed.FeedFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ETags and Last-Modified dates of every document and page, as served by the running boot,
 * and a record of the first boot's kept in a system property (which outlives Quarkus restarts
 * within one test JVM).
 */
final class BootEtags {

    private static final String PROPERTY = "first-boot-etags.dispatch-tests";

    private BootEtags() {
    }

    static Map<String, String> current() {
        Map<String, String> tags = new TreeMap<>();
        for (String id : new String[] {"world", "edge", "linked"}) {
            for (FeedFormat f : FeedFormat.values()) {
                String path = "/feeds/" + id + "/" + f.fileName();
                tags.put(path, Http.raw().get(path).header("ETag"));
                tags.put(path + " gzip", Http.raw().header("Accept-Encoding", "gzip").get(path).header("ETag"));
                tags.put(path + " last-modified", Http.raw().get(path).header("Last-Modified"));
            }
        }
        tags.put("/feeds/world/2018-09-07-erdogan-idlib-offensive",
                Http.raw().get("/feeds/world/2018-09-07-erdogan-idlib-offensive").header("ETag"));
        return tags;
    }

    static void record() {
        StringBuilder sb = new StringBuilder();
        current().forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        System.setProperty(PROPERTY, sb.toString());
    }

    static Map<String, String> recorded() {
        String s = System.getProperty(PROPERTY);
        if (s == null) {
            return Map.of();
        }
        Map<String, String> tags = new TreeMap<>();
        for (String line : s.split("\n")) {
            int tab = line.indexOf('\t');
            tags.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return tags;
    }
}
