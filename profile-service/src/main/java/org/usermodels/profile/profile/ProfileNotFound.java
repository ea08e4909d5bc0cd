package org.usermodels.profile.profile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.domain.UserId;

/** No such profile (or address) in the caller's tenant: 404, also when another tenant has one. */
final class ProfileNotFound extends ErrorResponseException {

    private ProfileNotFound(String title, String detail) {
        super(HttpStatus.NOT_FOUND, problem(title, detail), null);
    }

    static ProfileNotFound profile(UserId userId) {
        return new ProfileNotFound("Profile not found", "This tenant has no profile of user " + userId + ".");
    }

    static ProfileNotFound staff(UserId userId) {
        return new ProfileNotFound("Staff profile not found", "This tenant has no staff member " + userId + ".");
    }

    static ProfileNotFound address(AddressId id) {
        return new ProfileNotFound("Address not found", "This profile has no address " + id + ".");
    }

    static ProfileNotFound skill(String name) {
        return new ProfileNotFound("Skill not found", "This profile has no skill '" + name + "'.");
    }

    private static ProblemDetail problem(String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return problem;
    }
}
