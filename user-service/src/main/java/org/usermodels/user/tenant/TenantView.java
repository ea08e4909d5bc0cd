package org.usermodels.user.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as the API shows it; {@code admin} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TenantView(
        UUID id,

        @Schema(maxLength = 40, pattern = "^[a-z0-9-]{3,40}$")
        String slug,

        @Schema(maxLength = 200) String displayName,
        @Schema(allowableValues = {"ACTIVE", "SUSPENDED"}) String status,

        @ArraySchema(maxItems = 4, schema = @Schema(allowableValues = {"user", "customer", "staff", "partner"}))
        List<String> userTypes,

        Instant createdAt,

        @Schema(minimum = "0", maximum = "9223372036854775807")
        long version,

        @Nullable AdminRef admin) {

    /** The administrator created with the tenant. */
    record AdminRef(UUID id, @Schema(maxLength = 255) String username) {}

    static TenantView of(Tenant tenant) {
        return of(tenant, null);
    }

    static TenantView of(Tenant tenant, @Nullable AdminRef admin) {
        return new TenantView(
                tenant.id().value(),
                tenant.slug(),
                tenant.displayName(),
                tenant.status().name(),
                tenant.userTypes(),
                tenant.createdAt(),
                tenant.version(),
                admin);
    }
}
