package org.usermodels.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * What the users feature offers work done on a tenant's behalf, such as identity reconciliation: the tenant's
 * users as snapshots, and the changes such work may make, each through the user aggregate (so its events are
 * recorded as for any other change). The entity and the repository stay inside the feature.
 *
 * <p>Every method runs in the caller's transaction, in the tenant it has bound: the users read by {@link #all}
 * stay in that transaction's persistence context, so a change made afterwards finds its user there without
 * reading it again.
 */
@Service
public class LocalUsers {

    private final Users users;
    private final CurrentUser currentUser;
    private final Clock clock;

    LocalUsers(Users users, CurrentUser currentUser, Clock clock) {
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A user as reconciliation compares them with their identity. */
    public record LocalUser(
            UserId id,
            Instant dateJoined,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            boolean enabled) {}

    /** Every user of the current tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LocalUser> all() {
        return users.findAll((root, query, cb) -> cb.conjunction()).stream()
                .map(user -> new LocalUser(
                        user.id(),
                        user.dateJoined(),
                        Objects.toString(user.email(), null),
                        user.firstName(),
                        user.lastName(),
                        user.status() == UserStatus.ACTIVE))
                .toList();
    }

    /** Deletes a user whose identity is gone, as an administrator's deletion would ({@code UserDeleted}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remove(UserId id) {
        var user = find(id);
        user.delete(clock.instant());
        users.save(user); // with the UserDeleted it recorded
    }

    /** Takes over what Keycloak holds about a user ({@code UserUpdated}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOverIdentity(
            UserId id, @Nullable String email, @Nullable String firstName, @Nullable String lastName, boolean enabled) {
        var user = find(id);
        user.takeOverIdentity(email, firstName, lastName, enabled);
        users.save(user); // with the UserUpdated it recorded
    }

    /** Enrols a member of the tenant who has no user here, as their first call would; answers whether it did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enrol(Caller member, TenantRef tenant) {
        return currentUser.enrollIfNew(member, tenant);
    }

    private User find(UserId id) {
        return users.findById(id)
                .orElseThrow(() -> new IllegalStateException("User " + id + " is not one of the tenant's"));
    }
}
