package org.usermodels.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * A request the service refuses before any endpoint sees it, for what it is made of rather than what it asks:
 * a query string that is not UTF-8, a character no URL, header or column may hold, a body over the limit.
 */
public final class MalformedRequest extends ErrorResponseException {

    private MalformedRequest(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    /** The query string does not decode: a percent-encoded sequence that is not UTF-8, for instance. */
    public static MalformedRequest unreadableQuery() {
        return new MalformedRequest(
                HttpStatus.BAD_REQUEST,
                "Invalid query string",
                "The query string cannot be decoded: every percent-encoded sequence must be UTF-8.");
    }

    /** A query parameter's name or value holds NUL or another control character. */
    public static InvalidRequest parameter(String name) {
        return InvalidRequest.field(
                StorableText.isPlain(name) ? name : "(parameter name)",
                "holds a control character (such as NUL), which no parameter may hold");
    }

    /** A header's value holds NUL or another control character (a tab excepted). */
    public static MalformedRequest header(String name) {
        return new MalformedRequest(
                HttpStatus.BAD_REQUEST,
                "Invalid header",
                "The header '%s' holds a control character (such as NUL), which no header may hold.".formatted(name));
    }

    /** The URL holds something the firewall refuses. */
    public static MalformedRequest refusedUrl() {
        return new MalformedRequest(
                HttpStatus.BAD_REQUEST,
                "Invalid URL",
                "The URL holds something no URL of this API may hold: an encoded NUL, '..', ';', a backslash or a"
                        + " control character.");
    }

    /** The body is larger than the service accepts. */
    public static MalformedRequest tooLarge(DataSize limit) {
        return new MalformedRequest(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "The request body is larger than the %d bytes this call accepts.".formatted(limit.toBytes()));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
