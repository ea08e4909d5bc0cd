package org.usermodels.platform.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Optimistic concurrency over HTTP: a resource's {@code ETag} is its JPA {@code @Version}, and a change must
 * send the version it was based on in {@code If-Match}. A missing precondition is 428, a stale one 412.
 */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Versions() {}

    /** The entity tag of a version, e.g. {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws ErrorResponseException 428 when the header is missing, 412 when it names no version of ours
     */
    public static long required(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw problem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Precondition required",
                    "Send If-Match with the ETag of the version you changed, so that you cannot overwrite a change you have not seen.");
        }
        var matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw stale();
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Checks that the resource is still at the version the client saw.
     *
     * @throws ErrorResponseException 412 when it has changed since
     */
    public static void check(long expected, long actual) {
        if (expected != actual) {
            throw stale();
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
