package org.usermodels.user.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The identity provider refuses a name that is already taken. Usernames and emails are unique in the whole
 * realm, not only in a tenant (docs/adr/0001), so this can happen for a name that is free in the tenant.
 */
public final class IdentityConflict extends ErrorResponseException {

    IdentityConflict(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Identity already exists");
        return problem;
    }
}
