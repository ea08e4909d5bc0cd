package org.usermodels.user.attribute;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A redefinition that existing values do not satisfy: 409, with the offending values, so that the admin can
 * fix the users first or loosen the definition. Nothing was changed.
 */
final class AttributeConflict extends ErrorResponseException {

    AttributeConflict(List<String> conflicts) {
        super(HttpStatus.CONFLICT, problem(conflicts), null);
    }

    private static ProblemDetail problem(List<String> conflicts) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Existing users hold values that the new definitions reject; nothing was changed.");
        problem.setTitle("Attribute values conflict with the new definitions");
        problem.setProperty("conflicts", conflicts.stream().limit(20).toList());
        return problem;
    }
}
