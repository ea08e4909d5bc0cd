package org.usermodels.user.access;

import org.usermodels.platform.domain.UserId;

/**
 * The current tenant's users, as access asks about them before it adds a membership or a grant. Access owns
 * no user: the users feature answers (its {@code LocalUsers}), so that access never reads the users' table and
 * the users feature may depend on access without a cycle.
 */
public interface TenantUsers {

    /** Whether the tenant has this user (a deleted user it has no longer). */
    boolean exists(UserId user);
}
