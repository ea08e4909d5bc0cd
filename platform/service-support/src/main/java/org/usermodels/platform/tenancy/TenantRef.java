package org.usermodels.platform.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;
import java.util.UUID;
import org.usermodels.platform.domain.TenantId;

/**
 * A tenant as a verified token names it.
 *
 * @param id the Keycloak organization id, which is the tenant id in every service
 * @param slug the organization alias, which is the tenant's slug
 */
public record TenantRef(
        UUID id,

        @Schema(maxLength = 40, pattern = "^[a-z0-9-]{3,40}$")
        String slug) {

    public TenantRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        if (slug.isBlank()) {
            throw new IllegalArgumentException("A tenant slug may not be blank");
        }
    }

    /** A tenant by its typed id and its slug. */
    public TenantRef(TenantId id, String slug) {
        this(id.value(), slug);
    }

    /** The tenant's id, typed. */
    public TenantId tenantId() {
        return TenantId.of(id);
    }
}
