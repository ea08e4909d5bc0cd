package org.usermodels.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantNotResolved;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * The authenticated caller of a request, as its verified access token describes it.
 *
 * @param id the Keycloak user id ({@code sub})
 * @param username {@code preferred_username}, or the id when the token has none (service accounts)
 * @param email the email address, {@code null} when the token carries none
 * @param givenName the first name, {@code null} when the token carries none
 * @param familyName the last name, {@code null} when the token carries none
 * @param clientId the client the token was issued to ({@code azp})
 * @param realmRoles roles of the realm, such as {@code platform-admin}
 * @param organizations the organizations (tenants) the token names, ordered by slug
 * @param authenticatedAt when the user logged in ({@code auth_time}), {@code null} when the token does not say
 */
public record Caller(
        UUID id,
        String username,
        @Nullable String email,
        @Nullable String givenName,
        @Nullable String familyName,
        String clientId,
        Set<String> realmRoles,
        List<TenantRef> organizations,
        @Nullable Instant authenticatedAt) {

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(clientId, "clientId");
        realmRoles = Set.copyOf(realmRoles);
        organizations = List.copyOf(organizations);
    }

    /** The caller's id, typed: the user they are in every tenant they belong to. */
    public UserId userId() {
        return UserId.of(id);
    }

    /**
     * The one tenant this call acts for.
     *
     * @throws TenantNotResolved (403) if the token names no organization or several
     */
    public TenantRef tenant() {
        return switch (organizations.size()) {
            case 1 -> organizations.getFirst();
            case 0 -> throw TenantNotResolved.noOrganization();
            default ->
                throw TenantNotResolved.severalOrganizations(
                        organizations.stream().map(TenantRef::slug).toList());
        };
    }

    public boolean hasRealmRole(String role) {
        return realmRoles.contains(role);
    }
}
