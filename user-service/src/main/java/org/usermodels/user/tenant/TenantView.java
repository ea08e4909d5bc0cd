package org.usermodels.user.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as the API shows it; {@code admin} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TenantView(
        UUID id,
        String slug,
        String displayName,
        String status,
        List<String> userTypes,
        Instant createdAt,
        long version,
        @Nullable AdminRef admin) {

    /** The administrator created with the tenant. */
    record AdminRef(UUID id, String username) {}

    static TenantView of(Tenant tenant) {
        return of(tenant, null);
    }

    static TenantView of(Tenant tenant, @Nullable AdminRef admin) {
        return new TenantView(
                tenant.id(),
                tenant.slug(),
                tenant.displayName(),
                tenant.status().name(),
                tenant.userTypes(),
                tenant.createdAt(),
                tenant.version(),
                admin);
    }
}
