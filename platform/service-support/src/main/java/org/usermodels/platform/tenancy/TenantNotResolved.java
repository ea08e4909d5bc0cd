package org.usermodels.platform.tenancy;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A tenant-scoped call whose token does not name exactly one tenant: answered with 403 and the scope the
 * client should request. The service never guesses, for instance by taking the first organization.
 */
public final class TenantNotResolved extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://usermodels.org/problems/tenant-not-resolved");

    private TenantNotResolved(String detail, String scope, List<String> organizations) {
        super(HttpStatus.FORBIDDEN, problem(detail, scope, organizations), null);
    }

    /** The token names no organization. */
    public static TenantNotResolved noOrganization() {
        return new TenantNotResolved(
                "This call is scoped to a tenant, but the access token names no organization. Request the token"
                        + " with scope 'organization' (or 'organization:<tenant-slug>').",
                "organization",
                List.of());
    }

    /** The token names several organizations. */
    public static TenantNotResolved severalOrganizations(List<String> slugs) {
        return new TenantNotResolved(
                "This call is scoped to one tenant, but the access token names %d organizations %s. Request the token with scope 'organization:<tenant-slug>' for the tenant you mean."
                        .formatted(slugs.size(), slugs),
                "organization:<tenant-slug>",
                slugs);
    }

    private static ProblemDetail problem(String detail, String scope, List<String> organizations) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("No single tenant in the access token");
        problem.setProperty("requiredScope", scope);
        if (!organizations.isEmpty()) {
            problem.setProperty("organizations", organizations);
        }
        return problem;
    }
}
