package org.usermodels.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.usermodels.platform.tenancy.OrganizationClaim;

/**
 * Turns a verified Keycloak access token into a {@link CallerAuthentication}.
 *
 * <p>Realm roles become {@code ROLE_<role>} authorities (so {@code hasRole('platform-admin')} works) and
 * scopes become {@code SCOPE_<scope>}. A token whose claims are not what the realm produces is rejected as
 * an invalid token (401), never half-accepted.
 */
public final class CallerAuthenticationConverter implements Converter<Jwt, CallerAuthentication> {

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        var caller = callerOf(jwt);
        return new CallerAuthentication(jwt, caller, authoritiesOf(jwt, caller));
    }

    /**
     * Reads the caller from a token's claims.
     *
     * @throws InvalidBearerTokenException if the subject is not a UUID or the organization claim is malformed
     */
    public static Caller callerOf(Jwt jwt) {
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token's subject is not a Keycloak user id");
        }
        try {
            var username = jwt.getClaimAsString("preferred_username");
            var clientId = jwt.getClaimAsString("azp");
            return new Caller(
                    id,
                    username == null ? id.toString() : username,
                    jwt.getClaimAsString("email"),
                    jwt.getClaimAsString("given_name"),
                    jwt.getClaimAsString("family_name"),
                    clientId == null ? "" : clientId,
                    realmRoles(jwt),
                    OrganizationClaim.parse(jwt.getClaims().get(OrganizationClaim.NAME)),
                    jwt.getClaims().get("auth_time") instanceof Number seconds
                            ? java.time.Instant.ofEpochSecond(seconds.longValue())
                            : null);
        } catch (OrganizationClaim.MalformedOrganizationClaim e) {
            throw new InvalidBearerTokenException("Malformed organization claim: " + e.getMessage());
        }
    }

    private static Set<String> realmRoles(Jwt jwt) {
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof List<?> roles) {
            var names = new HashSet<String>();
            for (var role : roles) {
                if (role instanceof String name) {
                    names.add(name);
                }
            }
            return names;
        }
        return Set.of();
    }

    private static Collection<GrantedAuthority> authoritiesOf(Jwt jwt, Caller caller) {
        var authorities = new ArrayList<GrantedAuthority>();
        caller.realmRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        var scope = jwt.getClaimAsString("scope");
        if (scope != null) {
            for (var name : scope.split(" ")) {
                if (!name.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + name));
                }
            }
        }
        return authorities;
    }
}
