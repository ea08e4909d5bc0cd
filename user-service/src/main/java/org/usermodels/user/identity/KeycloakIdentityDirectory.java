package org.usermodels.user.identity;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.jspecify.annotations.Nullable;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** {@link IdentityDirectory} on Keycloak's admin REST API, with a time limit on every call. */
@Component
class KeycloakIdentityDirectory implements IdentityDirectory, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityDirectory.class);
    private static final int PAGE = 100;

    private final Keycloak keycloak;
    private final String realm;

    KeycloakIdentityDirectory(KeycloakProperties properties) {
        var http = new ResteasyClientBuilderImpl()
                .connectTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPoolSize(20)
                .build();
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url().toString())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(http)
                .build();
        this.realm = properties.realm();
    }

    @Override
    public UUID createOrganization(String alias, String displayName) {
        return call("create organization", () -> {
            // Organization names are unique in the realm, display names need not be: the name is the alias
            // too, and the display name goes into the description.
            var organization = new OrganizationRepresentation();
            organization.setAlias(alias);
            organization.setName(alias);
            organization.setDescription(displayName);
            organization.setEnabled(true);
            try (var response = realm().organizations().create(organization)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new IdentityConflict(
                            "An organization '%s' already exists in the identity provider.".formatted(alias));
                }
                return UUID.fromString(CreatedResponseUtil.getCreatedId(response));
            }
        });
    }

    @Override
    public Optional<UUID> findOrganization(String alias) {
        return call(
                "find organization",
                () -> realm().organizations().search(alias, true, 0, 10).stream()
                        .filter(organization -> alias.equals(organization.getAlias()))
                        .map(organization -> UUID.fromString(organization.getId()))
                        .findFirst());
    }

    @Override
    public void deleteOrganization(UUID organizationId) {
        call("delete organization", () -> {
            try (var response =
                    realm().organizations().get(organizationId.toString()).delete()) {
                return response.getStatus();
            }
        });
    }

    @Override
    public UUID createMember(UUID organizationId, NewIdentity identity) {
        var userId = call("create user", () -> {
            var user = new UserRepresentation();
            user.setUsername(identity.username());
            user.setEmail(identity.email());
            user.setEmailVerified(true);
            user.setFirstName(identity.firstName());
            user.setLastName(identity.lastName());
            user.setEnabled(true);
            if (identity.password() != null) {
                var credential = new CredentialRepresentation();
                credential.setType(CredentialRepresentation.PASSWORD);
                credential.setValue(identity.password());
                credential.setTemporary(false);
                user.setCredentials(List.of(credential));
            } else {
                user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            }
            try (var response = realm().users().create(user)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new IdentityConflict(
                            "The identity provider already has a user with this username or email address.");
                }
                return UUID.fromString(CreatedResponseUtil.getCreatedId(response));
            }
        });
        try {
            call("add organization member", () -> {
                try (var response = realm().organizations()
                        .get(organizationId.toString())
                        .members()
                        .addMember(userId.toString())) {
                    if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                        throw new WebApplicationException(response.getStatus());
                    }
                    return null;
                }
            });
            call("grant realm role", () -> {
                // Reading a role by name needs view-realm; the roles a user may still be given need only
                // the service account's manage-users.
                var roles = realm().users().get(userId.toString()).roles().realmLevel();
                var role = roles.listAvailable().stream()
                        .filter(candidate -> identity.realmRole().equals(candidate.getName()))
                        .findFirst()
                        .orElseThrow(() -> new WebApplicationException(
                                "Realm role " + identity.realmRole() + " does not exist", 500));
                roles.add(List.of(role));
                return null;
            });
            return userId;
        } catch (RuntimeException failure) {
            removeQuietly(userId, failure);
            throw failure;
        }
    }

    @Override
    public void update(
            UUID userId,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            boolean enabled) {
        call("update user", () -> {
            var resource = realm().users().get(userId.toString());
            var user = resource.toRepresentation();
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(enabled);
            resource.update(user);
            return null;
        });
    }

    @Override
    public void remove(UUID userId) {
        call("remove user", () -> {
            var resource = realm().users().get(userId.toString());
            try {
                var user = resource.toRepresentation();
                user.setEnabled(false);
                resource.update(user);
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                return null;
            }
            try {
                resource.remove();
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                // removed meanwhile: the outcome we wanted
            }
            return null;
        });
    }

    @Override
    public Optional<Identity> find(UUID userId) {
        return call("find user", () -> {
            try {
                return Optional.of(
                        identityOf(realm().users().get(userId.toString()).toRepresentation()));
            } catch (jakarta.ws.rs.NotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<Identity> members(UUID organizationId) {
        return call("list organization members", () -> {
            var members = new ArrayList<Identity>();
            var resource =
                    realm().organizations().get(organizationId.toString()).members();
            for (var first = 0; ; first += PAGE) {
                var page = resource.list(first, PAGE);
                page.forEach(member -> members.add(identityOf(member)));
                if (page.size() < PAGE) {
                    return members;
                }
            }
        });
    }

    @Override
    public void destroy() {
        keycloak.close();
    }

    private void removeQuietly(UUID userId, RuntimeException cause) {
        try {
            remove(userId);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error("Could not remove identity {} after a failed creation; the reconciler will", userId, e);
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private static Identity identityOf(UserRepresentation user) {
        return new Identity(
                UUID.fromString(user.getId()),
                user.getUsername(),
                user.getEmail(),
                user.getFirstName(),
                user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    /** Runs one admin operation, turning transport failures and server errors into {@link IdentityUnavailable}. */
    private static <T> T call(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (IdentityConflict conflict) {
            throw conflict;
        } catch (ProcessingException | WebApplicationException failure) {
            log.warn("Keycloak admin call '{}' failed: {}", operation, failure.toString());
            throw new IdentityUnavailable(operation, failure);
        }
    }
}
