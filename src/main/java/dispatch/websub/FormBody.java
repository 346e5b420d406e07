package dispatch.websub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, read strictly: every name with all its values, in order. */
final class FormBody {

    private FormBody() {
    }

    /**
     * The parameters of {@code body}.
     *
     * @throws HubProblem if a name or value is not well percent-encoded
     */
    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HubProblem.badRequest("malformed-form", "The form body has a malformed percent-encoding near '" + HubProblem.shorten(s, 40) + "'.");
        }
    }
}
