package org.usermodels.user.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.web.FieldProblem;

/** A request that contradicts the state of the tenant's data: 409, with what to do about it. */
final class Conflict extends ErrorResponseException {

    private Conflict(String title, String detail, String field) {
        super(HttpStatus.CONFLICT, problem(title, detail, field), null);
    }

    static Conflict taken(String field, String what) {
        return new Conflict("Already taken", "This tenant already has a user with this " + what + ".", field);
    }

    /**
     * A user's type cannot change: the type is the row's subclass, and turning a row of one JOINED subclass
     * into another is not an update but a delete of one table's row and an insert into another's, with a new
     * identity for the ORM (docs/inheritance.md).
     */
    static Conflict typeChange(String from, String to) {
        return new Conflict(
                "A user's type is fixed",
                ("This user is a %s and cannot become a %s: the type is fixed when the user is created. Create a new"
                                + " %s user instead (and delete this one if need be).")
                        .formatted(from, to, to),
                "type");
    }

    static Conflict selfDeletion() {
        return new Conflict("Cannot delete yourself", "Another administrator has to delete your account.", "id");
    }

    /** A deleted user cannot come back while another user holds what was theirs (the partial unique indexes). */
    static Conflict takenSinceDeletion(String field, String what) {
        return new Conflict(
                "Taken since the deletion",
                "Another user of this tenant has taken this user's " + what
                        + " since the deletion. Change or delete that user first, then restore this one.",
                field);
    }

    /** The tenant's attribute definitions changed after the deletion, and the user's attributes no longer fit. */
    static Conflict attributesChanged(List<FieldProblem> problems) {
        var first = problems.getFirst();
        return new Conflict(
                "The attributes changed since the deletion",
                "This user's attributes no longer fit the tenant's definitions: " + first.field() + " "
                        + first.message() + ".",
                first.field());
    }

    private static ProblemDetail problem(String title, String detail, String field) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        problem.setProperty("field", field);
        return problem;
    }
}
