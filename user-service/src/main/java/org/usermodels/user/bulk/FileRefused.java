package org.usermodels.user.bulk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.web.FieldProblem;

/**
 * An uploaded file refused as a whole, before any of it is kept: 400 for a file that cannot be read as its
 * format, or whose header names columns an import does not know; 413 for one over the limits.
 */
final class FileRefused extends ErrorResponseException {

    static final URI TOO_LARGE = URI.create("https://usermodels.org/problems/import-too-large");

    private FileRefused(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static FileRefused unreadable(String detail) {
        return new FileRefused(HttpStatus.BAD_REQUEST, "Unreadable file", detail);
    }

    static FileRefused empty() {
        return new FileRefused(HttpStatus.BAD_REQUEST, "Empty file", "The file holds no rows to import.");
    }

    /**
     * A CSV header that names a column an import does not know, or one twice, or lacks {@code username}.
     *
     * @param known every column an import of this tenant knows, listed for the client
     */
    static FileRefused header(List<String> unknown, List<String> repeated, List<String> known) {
        var refused = new FileRefused(
                HttpStatus.BAD_REQUEST,
                "Unknown columns",
                unknown.isEmpty() && repeated.isEmpty()
                        ? "The header row must name the column username."
                        : "The header row names columns an import does not know, or names one twice.");
        var errors = new ArrayList<FieldProblem>();
        unknown.forEach(column -> errors.add(new FieldProblem(column, "is not a column an import knows")));
        repeated.forEach(column -> errors.add(new FieldProblem(column, "is named twice")));
        if (errors.isEmpty()) {
            errors.add(new FieldProblem("username", "is a column every import needs"));
        }
        refused.getBody().setProperty("errors", errors);
        refused.getBody().setProperty("knownColumns", known);
        return refused;
    }

    static FileRefused tooManyRows(int maxRows) {
        return tooLarge("The file holds more than %d rows, the most one import takes. Split it into several imports."
                .formatted(maxRows));
    }

    static FileRefused tooManyBytes(long maxBytes) {
        return tooLarge("The file is larger than %d bytes, the most one import takes. Split it into several imports."
                .formatted(maxBytes));
    }

    private static FileRefused tooLarge(String detail) {
        var refused = new FileRefused(HttpStatus.CONTENT_TOO_LARGE, "File too large", detail);
        refused.getBody().setType(TOO_LARGE);
        return refused;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
