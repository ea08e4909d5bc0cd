package org.usermodels.user.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change of a group that the tenant's groups refuse: 409, with what to do about it. */
final class GroupConflict extends ErrorResponseException {

    private GroupConflict(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    static GroupConflict builtIn(String name) {
        return new GroupConflict(
                "Built-in group", "The group '" + name + "' belongs to every tenant and cannot be renamed or deleted.");
    }

    static GroupConflict tooMany() {
        return new GroupConflict(
                "Too many groups",
                "A tenant has at most %,d groups; delete one before creating another."
                        .formatted(GroupAdministration.MAX_GROUPS));
    }

    static GroupConflict nameTaken() {
        return new GroupConflict("Already taken", "This tenant already has a group with this name.");
    }

    private static ProblemDetail problem(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        problem.setProperty("field", "name");
        return problem;
    }
}
