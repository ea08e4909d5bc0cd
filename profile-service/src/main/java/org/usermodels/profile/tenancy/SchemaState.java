package org.usermodels.profile.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one tenant's schema stands, as the actuator endpoint {@code /actuator/tenantschemas} shows it.
 *
 * @param version the schema's migration version, {@code null} before the first succeeded
 * @param error why the last migration failed, {@code null} when it did not
 */
public record SchemaState(
        UUID tenantId,
        String slug,
        String schema,
        Status status,
        @Nullable String version,
        @Nullable String error,
        @Nullable Instant migratedAt,
        long durationMillis) {

    public enum Status {
        MIGRATING,
        READY,
        FAILED
    }
}
