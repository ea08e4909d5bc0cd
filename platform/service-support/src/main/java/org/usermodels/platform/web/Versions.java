package org.usermodels.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Optimistic concurrency over HTTP: a resource's {@code ETag} is its JPA {@code @Version}, and a change must
 * send the version it was based on in {@code If-Match}. A missing precondition is 428, a stale one 412.
 *
 * <p>{@code If-Match} is read as RFC 9110 (section 13.1.1) defines it: {@code *} matches any current
 * representation, a list matches when one of its entity tags does, and the comparison is strong, so a weak
 * tag ({@code W/"3"}) never matches.
 */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private Versions() {}

    /** The entity tag of a version, e.g. {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * What an {@code If-Match} header asks for.
     *
     * @throws ErrorResponseException 428 when the header is missing, 412 when it is not a list of entity tags
     */
    public static Precondition required(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw problem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Precondition required",
                    "Send If-Match with the ETag of the version you changed, so that you cannot overwrite a change you have not seen.");
        }
        if (ifMatch.strip().equals("*")) {
            return Precondition.ANY;
        }
        var versions = new ArrayList<Long>();
        for (var tag : ifMatch.split(",", -1)) {
            var matcher = ENTITY_TAG.matcher(tag.strip());
            if (!matcher.matches()) {
                throw stale();
            }
            if (matcher.group(1) == null && VERSION.matcher(matcher.group(2)).matches()) {
                versions.add(Long.parseLong(matcher.group(2)));
            }
        }
        return new Precondition(false, List.copyOf(versions));
    }

    /**
     * An {@code If-Match} precondition: any current representation, or one of the versions named (empty when
     * it named none of ours, which no resource then matches).
     */
    public record Precondition(boolean any, List<Long> versions) {

        public static final Precondition ANY = new Precondition(true, List.of());

        /** A precondition on exactly one version. */
        public static Precondition of(long version) {
            return new Precondition(false, List.of(version));
        }

        /**
         * Checks that the resource, which exists, is at a version the client named.
         *
         * @throws ErrorResponseException 412 when it has changed since
         */
        public void check(long actual) {
            if (!any && !versions.contains(actual)) {
                throw stale();
            }
        }
    }

    /** The resource changed since the client read it. */
    public static ErrorResponseException stale() {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "Precondition failed",
                "The resource has changed since you read it. Read it again and repeat your change on the new version.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
