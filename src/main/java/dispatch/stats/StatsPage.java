package dispatch.stats;

import dispatch.text.Html;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stats page for people: for each feed, its subscribers over the last days as an SVG chart
 * drawn here on the server (the page needs nothing beyond Dispatch: no script, no library), its
 * request mix and the bytes 304s and gzip spared; then the report card of each client family.
 */
public final class StatsPage {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int PAD = 36;

    private StatsPage() {
    }

    /** The page of {@code report} ({@link StatsReport#of}). */
    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Dispatch: subscribers and readers</title>\n")
                .append("<style>body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}main{max-width:46rem;margin:0 auto;")
                .append("padding:1.5rem 1rem 4rem}table{border-collapse:collapse;width:100%;margin:.6rem 0 1.6rem}th,td{border-bottom:1px solid #ddd;")
                .append("padding:.25rem .4rem;text-align:right}th:first-child,td:first-child{text-align:left}.chart{background:#fff;border:1px solid #e3e3e3;")
                .append("border-radius:8px}</style>\n</head>\n<body>\n<main>\n<h1>Subscribers and readers</h1>\n")
                .append("<p>Subscribers per day: the counts aggregators report for their users, plus every other distinct reader (address and ")
                .append("User-Agent, kept only as a hash with a salt that changes daily). Browsers and robots are not counted.</p>\n");
        Map<String, Object> feeds = (Map<String, Object>) report.get("feeds");
        if (feeds.isEmpty()) {
            html.append("<p>No feed has been fetched yet.</p>\n");
        }
        feeds.forEach((feed, value) -> {
            Map<String, Object> f = (Map<String, Object>) value;
            List<Map<String, Object>> series = (List<Map<String, Object>>) f.get("subscribers");
            Map<String, Object> today = (Map<String, Object>) f.get("today");
            html.append("<h2>").append(Html.escape(feed)).append("</h2>\n").append(chart(feed, series));
            html.append("<table><tr><th>Today</th><th>requests</th><th>304s</th><th>conditional</th><th>gzip</th><th>bytes sent</th>")
                    .append("<th>bytes saved</th></tr>\n<tr><td>").append(Html.escape(feed)).append("</td>");
            for (String key : List.of("requests", "notModified", "conditional", "gzip", "bytesSent", "bytesSaved")) {
                html.append("<td>").append(today.get(key)).append("</td>");
            }
            html.append("</tr></table>\n");
            Map<String, Object> aggregators = (Map<String, Object>) f.get("aggregators");
            if (!aggregators.isEmpty()) {
                html.append("<p>Reported by aggregators today: ");
                aggregators.forEach((k, n) -> html.append(Html.escape(k.endsWith("|") ? k.substring(0, k.length() - 1) : k.replace('|', ' ')))
                        .append(" ").append(n).append("; "));
                html.append("other readers: ").append(f.get("otherClients")).append(".</p>\n");
            }
        });
        html.append("<h2>Report card</h2>\n<p>How each reader polls, today: a polite one asks conditionally (and gets 304s), takes gzip, ")
                .append("and polls no more often than the feed's ttl.</p>\n<table><tr><th>client</th><th>requests</th><th>conditional</th>")
                .append("<th>gzip</th><th>304s</th><th>median interval</th><th>sooner than ttl</th><th>subscribers reported</th></tr>\n");
        for (Map<String, Object> c : (List<Map<String, Object>>) report.get("reportCard")) {
            html.append("<tr><td>").append(Html.escape(String.valueOf(c.get("family")))).append("</td><td>").append(c.get("requests"))
                    .append("</td><td>").append(percent(c.get("conditionalShare"))).append("</td><td>").append(percent(c.get("gzipShare")))
                    .append("</td><td>").append(percent(c.get("notModifiedShare"))).append("</td><td>")
                    .append(c.get("medianIntervalSeconds") == null ? "-" : c.get("medianIntervalSeconds") + " s").append("</td><td>")
                    .append(percent(c.get("fasterThanTtlShare"))).append("</td><td>").append(c.get("subscribers")).append("</td></tr>\n");
        }
        html.append("</table>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** An SVG line chart of {@code series}' subscribers, one point a day, with the highest value and the first and last dates. */
    static String chart(String feed, List<Map<String, Object>> series) {
        long max = 1;
        for (Map<String, Object> p : series) {
            max = Math.max(max, ((Number) p.get("subscribers")).longValue());
        }
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg class=\"chart\" role=\"img\" aria-label=\"Subscribers of ").append(Html.escape(feed)).append(" per day\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int plotW = WIDTH - 2 * PAD;
        int plotH = HEIGHT - 2 * PAD;
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"").append(WIDTH - PAD).append("\" y2=\"")
                .append(HEIGHT - PAD).append("\" stroke=\"#999\"/>\n");
        svg.append("<text x=\"4\" y=\"").append(PAD).append("\" font-size=\"12\" fill=\"#555\">").append(max).append("</text>\n");
        StringBuilder points = new StringBuilder();
        int n = series.size();
        for (int i = 0; i < n; i++) {
            long v = ((Number) series.get(i).get("subscribers")).longValue();
            double x = PAD + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
            double y = HEIGHT - PAD - plotH * v / (double) max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0645ad\"><title>%s: %d</title></circle>%n", x, y,
                    Html.escape(String.valueOf(series.get(i).get("date"))), v));
        }
        svg.append("<polyline points=\"").append(points.toString().strip()).append("\" fill=\"none\" stroke=\"#0645ad\" stroke-width=\"2\"/>\n");
        if (n > 0) {
            svg.append("<text x=\"").append(PAD).append("\" y=\"").append(HEIGHT - 10).append("\" font-size=\"12\" fill=\"#555\">")
                    .append(Html.escape(String.valueOf(series.get(0).get("date")))).append("</text>\n");
            svg.append("<text x=\"").append(WIDTH - PAD).append("\" y=\"").append(HEIGHT - 10)
                    .append("\" font-size=\"12\" fill=\"#555\" text-anchor=\"end\">")
                    .append(Html.escape(String.valueOf(series.get(n - 1).get("date")))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String percent(Object share) {
        return Math.round(((Number) share).doubleValue() * 100) + " %";
    }
}
