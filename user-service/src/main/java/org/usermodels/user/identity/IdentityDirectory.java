package org.usermodels.user.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/**
 * The identity provider as user-service needs it. Every method either does what it says or throws
 * {@link IdentityUnavailable} (the provider failed or did not answer in time) or {@link IdentityConflict}
 * (the provider refuses because a name is taken); none leaves a half-done change behind that it knows of.
 */
public interface IdentityDirectory {

    /** An identity as the provider holds it. */
    record Identity(
            UserId id,
            String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            boolean enabled) {}

    /**
     * What a new identity starts with.
     *
     * @param password the initial password, never stored or logged by this service; {@code null} makes the
     *     user choose one at first login
     * @param realmRole the realm role that marks the user's type
     */
    record NewIdentity(
            String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String password,
            String realmRole) {

        @Override
        public String toString() {
            return "NewIdentity[username=%s, email=%s, realmRole=%s, password=%s]"
                    .formatted(username, email, realmRole, password == null ? "none" : "******");
        }
    }

    /** Creates an organization (a tenant) named by its alias, and answers its id. */
    TenantId createOrganization(String alias, String displayName);

    /** The id of the organization with that alias, if there is one. */
    Optional<TenantId> findOrganization(String alias);

    void deleteOrganization(TenantId organization);

    /**
     * Creates an enabled identity, makes it a member of the organization and grants it its realm role. If any
     * step fails the identity is removed again before the exception is thrown.
     */
    UserId createMember(TenantId organization, NewIdentity identity);

    /**
     * An identity to create with an id chosen by the caller, so that a batch that is tried again can tell its own
     * identities (created by the earlier attempt) from other people's.
     */
    record PlannedIdentity(UserId id, NewIdentity identity) {}

    /** What became of one planned identity of a batch. */
    enum Provisioning {
        /** Created now, member of the organization, with its realm role. */
        CREATED,
        /** It existed already with this id and username: an earlier attempt at the same batch created it. */
        EXISTED,
        /** The username or email belongs to another identity of the realm; nothing was created. */
        TAKEN,
        /** The identity provider refused the details as invalid (a 400 of its own); nothing was created. */
        REFUSED
    }

    /**
     * Creates many identities at once as {@link #createMember} creates one: each enabled, member of the
     * organization, with its realm role and its password or the "update password" action. A planned identity
     * that fails leaves nothing behind and does not keep the others from being created.
     *
     * @return what became of each planned identity, by id
     */
    Map<UserId, Provisioning> createMembers(TenantId organization, List<PlannedIdentity> identities);

    /**
     * Creates one identity with the id the caller chose, as {@link #createMembers} creates each of a batch.
     *
     * @return {@code true} if it was created now, {@code false} if it existed already with this id and username
     *     (an earlier attempt at the same work created it)
     * @throws IdentityConflict (409) when another identity of the realm has the username or email address
     * @throws IdentityRefused (400) when the provider refuses the details
     */
    default boolean createMember(TenantId organization, PlannedIdentity planned) {
        var outcome = createMembers(organization, List.of(planned)).get(planned.id());
        return switch (Objects.requireNonNull(outcome, "an outcome for every planned identity")) {
            case TAKEN ->
                throw new IdentityConflict(
                        "The identity provider already has a user with this username or email address.");
            case REFUSED -> throw new IdentityRefused();
            case CREATED -> true;
            case EXISTED -> false;
        };
    }

    /** Removes many identities, as {@link #remove} removes one. */
    void removeAll(Collection<UserId> users);

    /** Changes the email, names and whether the identity may log in. */
    void update(
            UserId user,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            boolean enabled);

    /** Disables and removes an identity; an identity that is already gone is not an error. */
    void remove(UserId user);

    Optional<Identity> find(UserId user);

    /** Every member of an organization, read page by page. */
    List<Identity> members(TenantId organization);
}
