package org.usermodels.user.account;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No group with that id in the caller's tenant: 404, also when another tenant has one. */
final class GroupNotFound extends ErrorResponseException {

    private GroupNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    static GroupNotFound byId(UUID id) {
        return new GroupNotFound("This tenant has no group " + id + ".");
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Group not found");
        return problem;
    }
}
