package org.usermodels.user.outbox;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What user-service tells other services. Each event names its tenant and its aggregate (the user or the
 * tenant it is about); the outbox adds the event id, the sequence number and the time.
 */
public sealed interface DomainEvent {

    UUID tenantId();

    /** The user or tenant the event is about; sequence numbers count per aggregate. */
    UUID aggregateId();

    /** The event's type as other services see it, e.g. {@code UserRegistered}. */
    default String type() {
        return getClass().getSimpleName();
    }

    record TenantCreated(UUID tenantId, String slug, String displayName, List<String> userTypes)
            implements DomainEvent {
        @Override
        public UUID aggregateId() {
            return tenantId;
        }
    }

    record UserRegistered(
            UUID tenantId,
            UUID userId,
            String userType,
            String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName)
            implements DomainEvent {
        @Override
        public UUID aggregateId() {
            return userId;
        }
    }

    record UserUpdated(
            UUID tenantId,
            UUID userId,
            String userType,
            String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            String status)
            implements DomainEvent {
        @Override
        public UUID aggregateId() {
            return userId;
        }
    }

    record UserDeleted(UUID tenantId, UUID userId) implements DomainEvent {
        @Override
        public UUID aggregateId() {
            return userId;
        }
    }

    /**
     * A deleted user brought back by a platform administrator: the same id, type and names, a new identity in
     * Keycloak without a password. What the deletion erased elsewhere (the profile) starts again empty.
     */
    record UserRestored(
            UUID tenantId,
            UUID userId,
            String userType,
            String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName)
            implements DomainEvent {
        @Override
        public UUID aggregateId() {
            return userId;
        }
    }
}
