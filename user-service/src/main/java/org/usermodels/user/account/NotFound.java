package org.usermodels.user.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.domain.UserId;

/** No such user in the caller's tenant: 404, also when another tenant has one with that id. */
final class NotFound extends ErrorResponseException {

    private NotFound(String title, String detail) {
        super(HttpStatus.NOT_FOUND, problem(title, detail), null);
    }

    static NotFound user(UserId id) {
        return new NotFound("User not found", "This tenant has no user " + id + ".");
    }

    static NotFound deletedUser(UserId id) {
        return new NotFound("Deleted user not found", "This tenant has no deleted user " + id + ".");
    }

    private static ProblemDetail problem(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return problem;
    }
}
