package org.usermodels.user.tenant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

final class TenantNotFound extends ErrorResponseException {

    TenantNotFound(String slug) {
        super(HttpStatus.NOT_FOUND, problem(slug), null);
    }

    private static ProblemDetail problem(String slug) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no tenant '" + slug + "'.");
        problem.setTitle("Tenant not found");
        return problem;
    }
}
