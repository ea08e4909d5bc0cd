package org.usermodels.profile.tenancy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The tenant's schema could not be migrated: its calls answer 503 until an operator repairs it. */
final class TenantSchemaUnavailable extends ErrorResponseException {

    TenantSchemaUnavailable(String slug) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(slug), null);
    }

    private static ProblemDetail problem(String slug) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The profiles of tenant '" + slug
                        + "' are unavailable: its schema could not be migrated. Other tenants are not affected.");
        problem.setTitle("Tenant data unavailable");
        return problem;
    }
}
