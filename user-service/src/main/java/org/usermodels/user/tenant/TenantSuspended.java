package org.usermodels.user.tenant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Every tenant-scoped call of a suspended tenant's users: 403. */
final class TenantSuspended extends ErrorResponseException {

    TenantSuspended(String slug) {
        super(HttpStatus.FORBIDDEN, problem(slug), null);
    }

    private static ProblemDetail problem(String slug) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "The tenant '" + slug + "' is suspended; ask a platform administrator.");
        problem.setTitle("Tenant suspended");
        return problem;
    }
}
