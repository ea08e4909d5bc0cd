package org.usermodels.user.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The identity provider failed or did not answer in time: 503, and nothing was changed. */
public final class IdentityUnavailable extends ErrorResponseException {

    IdentityUnavailable(String operation, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getBody().setProperty("operation", operation);
    }

    private static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The identity provider did not answer; nothing was changed. Try again later.");
        problem.setTitle("Identity provider unavailable");
        return problem;
    }
}
