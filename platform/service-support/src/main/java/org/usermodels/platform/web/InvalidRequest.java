package org.usermodels.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that breaks rules the service checks itself: 400 with one entry per invalid field. */
public final class InvalidRequest extends ErrorResponseException {

    private final List<FieldProblem> errors;

    private InvalidRequest(String detail, List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, problem(detail, errors), null);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(List<FieldProblem> errors) {
        return new InvalidRequest("The request has %d invalid field(s).".formatted(errors.size()), errors);
    }

    public static InvalidRequest of(FieldProblem error) {
        return of(List.of(error));
    }

    /** One invalid field; a missing message (an exception's, say) says only that the field is invalid. */
    public static InvalidRequest field(String field, @Nullable String message) {
        return of(FieldProblem.of(field, message));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static ProblemDetail problem(String detail, List<FieldProblem> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
