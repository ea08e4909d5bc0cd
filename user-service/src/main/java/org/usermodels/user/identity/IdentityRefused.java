package org.usermodels.user.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The identity provider refuses the details of a new identity as invalid (a 400 of Keycloak's): the client's
 * mistake, which our own validation did not catch, and so a 400 here too, never a 503 that invites a retry.
 */
public final class IdentityRefused extends ErrorResponseException {

    public static final String DETAIL = "The identity provider refused these details as invalid.";

    IdentityRefused() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, DETAIL);
        problem.setTitle("Identity refused");
        return problem;
    }
}
