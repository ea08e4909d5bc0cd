package org.usermodels.user.access;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.user.outbox.DomainEvent;
import org.usermodels.user.outbox.NumberedEvent;

/**
 * Permissions granted to users directly, and what access keeps of a user who is deleted: nothing. A deleted
 * user's memberships and grants go in the transaction that deletes them, taken from the {@code UserDeleted}
 * the user recorded, as Django's {@code pre_delete} signal would do it but inside the transaction.
 */
@Service
class PermissionGrants {

    private final GroupMembers members;
    private final TenantUsers users;
    private final Access access;

    PermissionGrants(GroupMembers members, TenantUsers users, Access access) {
        this.members = members;
        this.users = users;
        this.access = access;
    }

    /** The user's effective permissions: direct ∪ through groups, sorted. */
    @Transactional(readOnly = true)
    List<String> permissions(UserId user) {
        requireUser(user);
        access.requireSelfOr(user, Permissions.USERS_VIEW);
        return sorted(user);
    }

    @Transactional
    List<String> grant(UserId user, PermissionCode permission) {
        requireUser(user);
        access.require(Permissions.USERS_MANAGE);
        members.grant(user, permission.value());
        access.forget();
        return sorted(user);
    }

    @Transactional
    List<String> revoke(UserId user, PermissionCode permission) {
        requireUser(user);
        access.require(Permissions.USERS_MANAGE);
        members.revoke(user, permission.value());
        access.forget();
        return sorted(user);
    }

    /** Forgets the memberships and grants of a user the users feature deleted, in its transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void userDeleted(NumberedEvent numbered) {
        if (numbered.event() instanceof DomainEvent.UserDeleted deleted) {
            var user = UserId.of(deleted.userId());
            members.leaveAll(user);
            members.revokeAll(user);
        }
    }

    private List<String> sorted(UserId user) {
        return access.effectivePermissions(user).stream().sorted().toList();
    }

    private void requireUser(UserId user) {
        if (!users.exists(user)) {
            throw NotFound.user(user);
        }
    }
}
