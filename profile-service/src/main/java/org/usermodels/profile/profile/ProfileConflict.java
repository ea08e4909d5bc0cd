package org.usermodels.profile.profile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change that contradicts the tenant's profiles: 409 with what went wrong. */
final class ProfileConflict extends ErrorResponseException {

    private ProfileConflict(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    static ProfileConflict managementCycle() {
        return new ProfileConflict(
                "Management cycle",
                "This manager reports, directly or not, to the staff member: the change would close a cycle.");
    }

    static ProfileConflict tooMany(String what, int most) {
        return new ProfileConflict(
                "Too many " + what,
                "A profile holds at most %d %s; remove one before adding another.".formatted(most, what));
    }

    static ProfileConflict notStaff(String what) {
        return new ProfileConflict("Not a staff member", what + " apply to staff profiles only.");
    }

    private static ProblemDetail problem(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return problem;
    }
}
