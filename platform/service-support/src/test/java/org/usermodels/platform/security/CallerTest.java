package org.usermodels.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.usermodels.platform.tenancy.TenantNotResolved;
import org.usermodels.platform.tenancy.TenantRef;

class CallerTest {

    static final UUID USER = UUID.randomUUID();

    @Test
    void readsTheCallerAndTheirOneTenantFromAKeycloakToken() {
        var tenant = UUID.randomUUID();
        var jwt = token(Map.of(
                "preferred_username", "dana",
                "email", "dana@example.org",
                "azp", "usermodels-cli",
                "realm_access", Map.of("roles", List.of("platform-admin")),
                "organization", Map.of("acme", Map.of("id", tenant.toString()))));

        var caller = CallerAuthenticationConverter.callerOf(jwt);

        assertThat(caller.id()).isEqualTo(USER);
        assertThat(caller.username()).isEqualTo("dana");
        assertThat(caller.hasRealmRole("platform-admin")).isTrue();
        assertThat(caller.tenant()).isEqualTo(new TenantRef(tenant, "acme"));
    }

    @Test
    void grantsRealmRolesAsRolesAndScopesAsScopes() {
        var authentication = new CallerAuthenticationConverter()
                .convert(token(Map.of(
                        "azp", "usermodels-cli",
                        "scope", "profile organization",
                        "realm_access", Map.of("roles", List.of("platform-admin")))));

        assertThat(authentication.getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_platform-admin", "SCOPE_profile", "SCOPE_organization");
        assertThat(authentication.getPrincipal()).isInstanceOf(Caller.class);
    }

    @Test
    void refusesToGuessWhenTheTokenNamesNoTenant() {
        var caller = CallerAuthenticationConverter.callerOf(token(Map.of("azp", "usermodels-cli")));

        assertThatThrownBy(caller::tenant).isInstanceOfSatisfying(TenantNotResolved.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(problem.getBody().getProperties()).containsEntry("requiredScope", "organization");
        });
    }

    @Test
    void refusesToGuessWhenTheTokenNamesSeveralTenants() {
        var caller = CallerAuthenticationConverter.callerOf(token(Map.of(
                "azp",
                "usermodels-cli",
                "organization",
                Map.of(
                        "acme", Map.of("id", UUID.randomUUID().toString()),
                        "globex", Map.of("id", UUID.randomUUID().toString())))));

        assertThatThrownBy(caller::tenant)
                .isInstanceOfSatisfying(
                        TenantNotResolved.class,
                        problem -> assertThat(problem.getBody().getProperties())
                                .containsEntry("organizations", List.of("acme", "globex")));
    }

    @Test
    void rejectsATokenWhoseSubjectIsNotAKeycloakUserId() {
        var jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("not-a-uuid")
                .claim("azp", "usermodels-cli")
                .issuedAt(Instant.now())
                .build();

        assertThatThrownBy(() -> CallerAuthenticationConverter.callerOf(jwt))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void rejectsAMalformedOrganizationClaimAsAnInvalidToken() {
        assertThatThrownBy(() -> CallerAuthenticationConverter.callerOf(
                        token(Map.of("azp", "usermodels-cli", "organization", List.of("acme")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    static Jwt token(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(USER.toString())
                .issuedAt(Instant.now());
        claims.forEach(builder::claim);
        return builder.build();
    }
}
