package org.usermodels.user.account;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No user with that id in the caller's tenant: 404, also when another tenant has one. */
final class UserNotFound extends ErrorResponseException {

    private UserNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    static UserNotFound byId(UUID id) {
        return new UserNotFound("This tenant has no user " + id + ".");
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("User not found");
        return problem;
    }
}
