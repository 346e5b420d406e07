package dispatch.api;

import dispatch.api.ApiProblem.Kind;
import dispatch.web.EntityTags;
import java.util.Optional;

/**
 * The preconditions of a write (RFC 9110 §13.1, RFC 6585 §3): replacing or deleting what exists
 * needs {@code If-Match} with its current entity tag, so that no client overwrites a change it has
 * not seen; {@code If-None-Match: *} means create only.
 */
final class WriteConditions {

    private WriteConditions() {
    }

    /**
     * Checks a write to a resource whose current entity tag is {@code current} (empty when it does
     * not exist).
     *
     * @throws ApiProblem 428 when it exists and neither header is sent, 412 when a header does not hold
     */
    static void check(Optional<String> current, String ifMatch, String ifNoneMatch) throws ApiProblem {
        if (ifNoneMatch != null && current.isPresent() && EntityTags.matchesWeakly(ifNoneMatch, current.get())) {
            throw new ApiProblem(Kind.PRECONDITION_FAILED, ifNoneMatch.strip().equals("*")
                    ? "It exists already, and If-None-Match: * asked to create it only."
                    : "Its current entity tag is one If-None-Match lists.").with("ETag", current.get());
        }
        if (ifMatch != null) {
            if (current.isEmpty()) {
                throw new ApiProblem(Kind.PRECONDITION_FAILED, "It does not exist, so If-Match cannot hold.");
            }
            if (!EntityTags.matchesStrongly(ifMatch, current.get())) {
                throw new ApiProblem(Kind.PRECONDITION_FAILED, "It changed since: its entity tag is " + current.get()
                        + ", not the one If-Match names. GET it again, then send your change with its ETag.").with("ETag", current.get());
            }
        } else if (current.isPresent() && ifNoneMatch == null) {
            throw new ApiProblem(Kind.PRECONDITION_REQUIRED, "It exists: send If-Match with the ETag a GET gave, so that no change is lost"
                    + " (or If-None-Match: * to create only).").with("ETag", current.get());
        }
    }
}
