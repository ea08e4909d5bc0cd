package org.usermodels.user.account;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/**
 * The tenant's deleted users, which {@link User}'s {@code @SQLRestriction} hides from every query the entity
 * takes part in: a custom fragment of {@link Users}, implemented in {@link DeletedUsersImpl} with native SQL
 * that names {@code deleted_at} itself. It is the counterpart of a Django model's second manager over all rows
 * (docs/repositories.md), and the one way into a deleted row: a platform administrator's list and restore
 * ({@link UserRestoration}).
 */
interface DeletedUsers {

    /**
     * Deleted users of the tenant, the most recently deleted first, after {@code after} if given.
     *
     * @param limit how many at most
     */
    List<DeletedUserView> deleted(DeletedUserView.@Nullable Position after, int limit);

    /** The tenant's deleted user with this id; empty if the tenant has none, or the user is not deleted. */
    Optional<DeletedUserView> findDeleted(UserId id);

    /**
     * Clears the mark of a deleted user, so that the entity can be loaded again in this transaction. The version
     * moves on, as for every change of the row.
     *
     * @return whether the tenant had a deleted user with this id
     */
    boolean undelete(UserId id);
}
