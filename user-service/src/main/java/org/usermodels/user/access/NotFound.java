package org.usermodels.user.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.domain.UserId;

/** No such user or group in the caller's tenant: 404, also when another tenant has one with that id. */
final class NotFound extends ErrorResponseException {

    private NotFound(String title, String detail) {
        super(HttpStatus.NOT_FOUND, problem(title, detail), null);
    }

    static NotFound user(UserId id) {
        return new NotFound("User not found", "This tenant has no user " + id + ".");
    }

    static NotFound group(GroupId id) {
        return new NotFound("Group not found", "This tenant has no group " + id + ".");
    }

    private static ProblemDetail problem(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return problem;
    }
}
