package org.usermodels.user.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the API answers about a user: a read model, never the entity.
 *
 * <p>Fields the user has not set are {@code null}.
 */
record UserView(
        UUID id,
        String username,
        @Nullable String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String locale,
        @Nullable String timeZone,
        String status,
        Instant dateJoined,
        TenantView tenant) {

    static UserView of(User user, String tenantSlug) {
        return new UserView(
                user.id(),
                user.username(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.locale(),
                user.timeZone(),
                user.status().name(),
                user.dateJoined(),
                new TenantView(user.tenantId(), tenantSlug));
    }

    /** The tenant a user belongs to. */
    record TenantView(UUID id, String slug) {}
}
